package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.api.argo.ApplicationSetSpec;
import dev.cairn.api.argo.ApplicationSetStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.KindDefinition;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Trigger;
import dev.cairn.render.dialect.DialectTranslator;
import dev.cairn.source.git.GitFetcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The ApplicationSet kind: {@code checkSpec → generate → writeApplications → rollingSync → settle}.
 * Generators and the template give the Applications; they are written as the set's policy allows,
 * owned by the set, lower sync waves first. Conditions as Argo CD writes them (ErrorOccurred,
 * ParametersGenerated, ResourcesUpToDate, RolloutProgressing); {@code resources} lists the
 * Applications with their sync and health.
 */
public final class ApplicationSetKind
    implements KindDefinition<ApplicationSet, ApplicationSetStatus, ApplicationSetRun> {
  /** Argo CD's default requeue of sets with Git generators: three minutes. */
  static final Duration DEFAULT_REQUEUE = Duration.ofMinutes(3);

  /** How soon a set looks again while a lower wave or a rollout step is still progressing. */
  static final Duration PROGRESS_REQUEUE = Duration.ofSeconds(2);

  private final KubernetesClient client;
  private final GitFetcher fetcher;
  private final Path workDirectory;
  private final EventRecorder events;
  private final ApplicationsStep applications;
  private final RollingSyncStep rollingSync;

  /**
   * @param workDirectory where repository content is unpacked for the git generator
   */
  public ApplicationSetKind(
      KubernetesClient client,
      GitFetcher fetcher,
      Path workDirectory,
      DialectTranslator translator,
      EventRecorder events) {
    this.client = client;
    this.fetcher = fetcher;
    this.workDirectory = workDirectory;
    this.events = events;
    this.applications = new ApplicationsStep(client, translator);
    this.rollingSync = new RollingSyncStep(applications);
  }

  /** The ApplicationSet reconciler: this kind on the engine's skeleton. */
  public static StepReconciler<ApplicationSet, ApplicationSetStatus, ApplicationSetRun> reconciler(
      KubernetesClient client,
      GitFetcher fetcher,
      Path workDirectory,
      EventRecorder events,
      Clock clock) {
    return new StepReconciler<>(
        client,
        new ApplicationSetKind(
            client, fetcher, workDirectory, DialectTranslator.defaults(), events),
        clock);
  }

  @Override
  public Class<ApplicationSet> resourceClass() {
    return ApplicationSet.class;
  }

  @Override
  public ApplicationSetStatus emptyStatus() {
    return new ApplicationSetStatus();
  }

  @Override
  public ApplicationSetRun newRun(
      ApplicationSet object, Trigger trigger, ApplicationSetStatus draft, Clock clock) {
    return new ApplicationSetRun(object, trigger, draft, clock);
  }

  @Override
  public boolean suspended(ApplicationSet object) {
    return false;
  }

  @Override
  public List<Step<ApplicationSetRun>> steps() {
    return List.of(
        Step.of("checkSpec", ApplicationSetKind::checkSpec),
        Step.of("generate", this::generate),
        Step.of("writeApplications", applications::write),
        Step.of("rollingSync", rollingSync::run),
        Step.of("settle", ApplicationSetKind::settle));
  }

  @Override
  public List<Step<ApplicationSetRun>> deletionSteps() {
    return List.of(Step.of("releaseApplications", new ReleaseStep(applications)::release));
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return ApplicationSetRefusals.FIELDS;
  }

  @Override
  public String successReason() {
    return ConditionReasons.SUCCEEDED;
  }

  @Override
  public Set<String> ownedConditions() {
    return Set.of(
        ApplicationSetConditions.ERROR_OCCURRED,
        ApplicationSetConditions.PARAMETERS_GENERATED,
        ApplicationSetConditions.RESOURCES_UP_TO_DATE,
        ApplicationSetConditions.ROLLOUT_PROGRESSING);
  }

  @Override
  public void finish(ApplicationSetRun run, RunOutcome outcome) {
    ApplicationSetStatuses.record(run);
  }

  @Override
  public void announce(ApplicationSetRun run, RunOutcome outcome, ApplicationSetStatus before) {
    events.recordNewFailure(run.object(), outcome.error(), before);
  }

  static StepResult checkSpec(ApplicationSetRun run) {
    ApplicationSetSpec spec = run.object().getSpec();
    if (spec == null || spec.template() == null) {
      throw invalid(run, "spec.template is required");
    }
    if (spec.strategy() != null
        && spec.strategy().type() != null
        && !List.of("AllAtOnce", "RollingSync").contains(spec.strategy().type())) {
      throw invalid(
          run,
          "spec.strategy.type '" + spec.strategy().type() + "' is not AllAtOnce or RollingSync");
    }
    for (String option :
        spec.goTemplateOptions() == null ? List.<String>of() : spec.goTemplateOptions()) {
      if (!List.of(
              "missingkey=error", "missingkey=zero", "missingkey=default", "missingkey=invalid")
          .contains(option)) {
        throw invalid(run, "spec.goTemplateOptions '" + option + "' is not a missingkey option");
      }
    }
    run.intervals(requeue(spec), null);
    return StepResult.proceed();
  }

  /** The shortest {@code requeueAfterSeconds} of the set's git generators, else three minutes. */
  static Duration requeue(ApplicationSetSpec spec) {
    Duration shortest = DEFAULT_REQUEUE;
    for (var generator : spec.generatorsOrEmpty()) {
      long seconds = generator.path("git").path("requeueAfterSeconds").asLong(0);
      if (seconds > 0 && Duration.ofSeconds(seconds).compareTo(shortest) < 0) {
        shortest = Duration.ofSeconds(seconds);
      }
    }
    return shortest;
  }

  private StepResult generate(ApplicationSetRun run) {
    String namespace = run.key().namespace();
    try (ArtifactGitTrees git =
        new ArtifactGitTrees(
            fetcher, namespace, workDirectory.resolve(namespace + "-" + run.key().name()))) {
      run.generated(
          ApplicationGeneration.generate(
              run.object().getSpec(),
              namespace,
              git,
              new KubernetesClusterSecrets(client, namespace)));
    } catch (GeneratorException e) {
      run.own(
          OwnedCondition.isTrue(
              ApplicationSetConditions.ERROR_OCCURRED,
              ApplicationSetConditions.PARAMS_GENERATION_ERROR,
              e.getMessage()));
      run.own(
          OwnedCondition.isFalse(
              ApplicationSetConditions.PARAMETERS_GENERATED,
              ApplicationSetConditions.REASON_ERROR_OCCURRED,
              e.getMessage()));
      run.own(
          OwnedCondition.isFalse(
              ApplicationSetConditions.RESOURCES_UP_TO_DATE,
              ApplicationSetConditions.PARAMS_GENERATION_ERROR,
              e.getMessage()));
      if (e.retryable()) {
        throw new ReconcileException.Failed(
            ApplicationSetConditions.PARAMS_GENERATION_ERROR, e.getMessage());
      }
      throw new ReconcileException.Stalled(
          ApplicationSetConditions.PARAMS_GENERATION_ERROR, e.getMessage());
    }
    run.own(
        OwnedCondition.isTrue(
            ApplicationSetConditions.PARAMETERS_GENERATED,
            ApplicationSetConditions.REASON_PARAMETERS_GENERATED,
            ApplicationSetConditions.GENERATED_MESSAGE));
    return StepResult.proceed();
  }

  private static StepResult settle(ApplicationSetRun run) {
    run.own(
        OwnedCondition.isFalse(
            ApplicationSetConditions.ERROR_OCCURRED,
            ApplicationSetConditions.UP_TO_DATE,
            ApplicationSetConditions.UP_TO_DATE_MESSAGE));
    int count = run.generated().size();
    if (run.waitingFor() != null) {
      run.own(
          OwnedCondition.isFalse(
              ApplicationSetConditions.RESOURCES_UP_TO_DATE,
              ApplicationSetConditions.WAITING_FOR_WAVE,
              run.waitingFor()));
      throw new ReconcileException.Waiting(
          ApplicationSetConditions.WAITING_FOR_WAVE, run.waitingFor(), PROGRESS_REQUEUE);
    }
    run.own(
        OwnedCondition.isTrue(
            ApplicationSetConditions.RESOURCES_UP_TO_DATE,
            ApplicationSetConditions.UP_TO_DATE,
            ApplicationSetConditions.UP_TO_DATE_MESSAGE));
    run.succeedWith(count + " Application(s) generated");
    return StepResult.proceed();
  }

  private static ReconcileException.Stalled invalid(ApplicationSetRun run, String message) {
    run.own(
        OwnedCondition.isTrue(
            ApplicationSetConditions.ERROR_OCCURRED,
            ApplicationSetConditions.REASON_ERROR_OCCURRED,
            message));
    return new ReconcileException.Stalled(ConditionReasons.INVALID_SPEC, message);
  }

  static boolean owned(ObjectNode app, ApplicationSet set) {
    return ApplicationsStep.ownedBy(app, set);
  }
}
