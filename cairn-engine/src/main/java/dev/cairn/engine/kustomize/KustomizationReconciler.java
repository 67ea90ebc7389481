package dev.cairn.engine.kustomize;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.ResourceInventory;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.StatusSummarizer;
import dev.cairn.engine.StatusWriter;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.StepRunner;
import dev.cairn.engine.Trigger;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.source.artifact.ArtifactStore;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles a Kustomization with Flux's semantics, as a list of named steps: {@code checkSuspend →
 * checkSpec → resolveSource → checkDependencies → render → apply → prune → waitForHealth}. Then it
 * records revision, inventory and history, lets the {@link StatusSummarizer} derive the conditions,
 * writes at most one event per real change and patches the status once. Thread-safe: per-run state
 * lives in a {@link KustomizationRun}.
 */
public final class KustomizationReconciler
    implements KindReconciler<Kustomization, KustomizationStatus> {
  private final KubernetesClient client;
  private final StepRunner<KustomizationRun> steps;
  private final StatusSummarizer summarizer =
      new StatusSummarizer(ConditionReasons.RECONCILIATION_SUCCEEDED);
  private final KustomizationEvents events;
  private final StatusWriter writer;
  private final ApplyOptions applyOptions;
  private final Clock clock;

  public KustomizationReconciler(
      KubernetesClient client,
      ArtifactStore store,
      KustomizationRenderer renderer,
      ResourceManager manager,
      ClusterClient cluster,
      EventRecorder events,
      ApplyOptions applyOptions,
      Clock clock) {
    this.client = client;
    this.events = new KustomizationEvents(events);
    this.writer = new StatusWriter(client);
    this.applyOptions = applyOptions;
    this.clock = clock;
    SourceResolver source = new SourceResolver(client);
    DependencyCheck dependencies = new DependencyCheck(client);
    RenderStep render = new RenderStep(store, renderer, new SubstitutionSources(client));
    ApplyStep apply = new ApplyStep(manager);
    HealthStep health = new HealthStep(manager, cluster);
    this.steps =
        new StepRunner<>(
            List.of(
                Step.of("checkSuspend", KustomizationReconciler::checkSuspend),
                Step.of("checkSpec", Intervals::validate),
                Step.of("resolveSource", source::resolve),
                Step.of("checkDependencies", dependencies::check),
                Step.of("render", render::render),
                Step.of("apply", apply::apply),
                Step.of("prune", apply::prune),
                Step.of("waitForHealth", health::waitForHealth),
                Step.of("succeed", KustomizationReconciler::succeed)));
  }

  /** The step names, in order. */
  public List<String> stepNames() {
    return steps.names();
  }

  @Override
  public Class<Kustomization> resourceClass() {
    return Kustomization.class;
  }

  /** Reads the Kustomization, reconciles it and patches its status; empty when it is gone. */
  @Override
  public Optional<ReconcileResult<KustomizationStatus>> reconcile(
      String namespace, String name, Trigger trigger) {
    Kustomization live =
        client.resources(Kustomization.class).inNamespace(namespace).withName(name).get();
    if (live == null) {
      return Optional.empty();
    }
    ReconcileResult<KustomizationStatus> result = reconcile(live, trigger);
    if (result.patchStatus()) {
      writer.write(Kustomization.class, live, result.status());
    }
    return Optional.of(result);
  }

  /** Reconciles {@code object} and returns the status to write; does not patch it. */
  public ReconcileResult<KustomizationStatus> reconcile(Kustomization object, Trigger trigger) {
    Kustomization copy = client.getKubernetesSerialization().clone(object);
    KustomizationStatus draft =
        copy.getStatus() == null ? new KustomizationStatus() : copy.getStatus();
    Condition previousReady = draft.conditions(clock).get(ConditionTypes.READY).orElse(null);
    KustomizationRun run = new KustomizationRun(copy, trigger, draft, clock, applyOptions);
    RunOutcome outcome = steps.run(run);
    if (outcome.skipped()) {
      return summarizer.summarize(run, outcome, run.interval(), run.retryInterval());
    }
    recordOutcome(run, outcome);
    ReconcileResult<KustomizationStatus> result =
        summarizer.summarize(run, outcome, run.interval(), run.retryInterval());
    events.afterRun(run, outcome, previousReady);
    return result;
  }

  private void recordOutcome(KustomizationRun run, RunOutcome outcome) {
    KustomizationStatus status = run.status();
    if (run.newInventory() != null) {
      status.setInventory(new ResourceInventory(run.newInventory()));
    }
    if (outcome.succeeded()) {
      status.setLastAppliedRevision(run.artifact().revision());
    }
    if (run.rendered() != null) {
      String reason =
          outcome.error() == null
              ? ConditionReasons.RECONCILIATION_SUCCEEDED
              : outcome.error().reason();
      status.setHistory(
          History.record(
              status.getHistory(),
              run.rendered().digest(),
              run.artifact().revision(),
              reason,
              Duration.between(run.started(), clock.instant()),
              clock.instant()));
    }
  }

  private static StepResult checkSuspend(KustomizationRun run) {
    return run.spec().suspended() ? StepResult.skip("suspended") : StepResult.proceed();
  }

  private static StepResult succeed(KustomizationRun run) {
    run.succeedWith("Applied revision: " + run.artifact().revision());
    return StepResult.proceed();
  }
}
