package dev.cairn.engine.argo;

import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.KindDefinition;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.render.argo.ArgoSourceRenderer;
import dev.cairn.source.git.GitFetcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Argo CD's Application on the engine's skeleton: {@code checkSpec → checkProject → fetchSources →
 * render → checkResources → sync → prune → assess}; deleted: {@code deleteResources} (only with
 * Argo CD's {@code resources-finalizer.argocd.argoproj.io}). After the steps the status is written
 * in Argo CD's shape ({@link ApplicationStatusRecorder}); Ready means Synced and Healthy. A
 * requested sync's {@code operation} is removed only after that write ({@link OperationStep}).
 */
public final class ApplicationKind
    implements KindDefinition<Application, ApplicationStatus, ApplicationRun> {
  private final EventRecorder events;
  private final AppProjects projects;
  private final ProjectStep project;
  private final SourcesStep sources;
  private final ManifestsStep manifests;
  private final SyncStep sync;
  private final ApplicationPruneStep prune;
  private final AssessStep assess;
  private final OperationStep operation;
  private final ResourcesFinalizerStep finalizer;
  private final ApplicationStatusRecorder recorder = new ApplicationStatusRecorder();

  /** What an Application reconciler is built from. */
  public record Parts(
      KubernetesClient client,
      GitFetcher git,
      ChartSourceFetchers charts,
      ArgoSourceRenderer renderer,
      ResourceManager manager,
      ClusterClient cluster,
      EventRecorder events,
      ApplyOptions apply,
      Supplier<String> kubeVersion) {}

  public ApplicationKind(Parts parts) {
    this.events = parts.events();
    this.projects = new AppProjects(parts.client());
    this.project = new ProjectStep(parts.client(), projects);
    this.sources =
        new SourcesStep(
            parts.git(),
            new ChartSources(
                parts.git().store(), parts.charts().repositories(), parts.charts().registries()));
    this.manifests = new ManifestsStep(parts.renderer(), parts.cluster(), parts.kubeVersion());
    this.sync = new SyncStep(parts.manager(), parts.cluster(), parts.apply());
    this.prune = new ApplicationPruneStep(parts.manager(), parts.apply());
    this.assess = new AssessStep(parts.manager(), parts.cluster(), parts.apply());
    this.operation = new OperationStep(parts.client());
    this.finalizer = new ResourcesFinalizerStep(parts.client(), parts.manager(), parts.apply());
  }

  /** The Application reconciler: this kind on the engine's skeleton. */
  public static StepReconciler<Application, ApplicationStatus, ApplicationRun> reconciler(
      Parts parts, Clock clock) {
    return new StepReconciler<>(parts.client(), new ApplicationKind(parts), clock);
  }

  @Override
  public Class<Application> resourceClass() {
    return Application.class;
  }

  @Override
  public ApplicationStatus emptyStatus() {
    return new ApplicationStatus();
  }

  @Override
  public ApplicationRun newRun(
      Application object, Trigger trigger, ApplicationStatus draft, Clock clock) {
    return new ApplicationRun(object, trigger, draft, clock);
  }

  @Override
  public boolean suspended(Application object) {
    return false;
  }

  @Override
  public List<Step<ApplicationRun>> steps() {
    return List.of(
        Step.of("checkSpec", ApplicationSpecStep::checkSpec),
        Step.of("checkProject", project::checkProject),
        Step.of("fetchSources", sources::fetch),
        Step.of("render", manifests::render),
        Step.of("checkResources", project::checkResources),
        Step.of("sync", sync::sync),
        Step.of("prune", prune::prune),
        Step.of("assess", assess::assess));
  }

  @Override
  public List<Step<ApplicationRun>> deletionSteps() {
    return List.of(Step.of("deleteResources", finalizer::delete));
  }

  /** Deletes the checkouts Applications of one repository share; stops the AppProject watch. */
  @Override
  public void close() {
    sources.close();
    projects.close();
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return ApplicationRefusals.FIELDS;
  }

  @Override
  public String successReason() {
    return ArgoReasons.SYNCED;
  }

  @Override
  public Set<String> ownedConditions() {
    return Set.of(ArgoReasons.INVALID_SPEC_ERROR);
  }

  @Override
  public void finish(ApplicationRun run, RunOutcome outcome) {
    recorder.record(run, outcome);
  }

  @Override
  public void written(ApplicationRun run, RunOutcome outcome) {
    // Argo CD stores operationState and removes the operation in one update (its CRD has no status
    // subresource); here they are two writes, so the operation goes only once its outcome is
    // stored. A failed requested sync is over too (Argo CD does not retry it without a policy).
    if (run.syncAttempted() || run.syncFailure() != null) {
      operation.clear(run);
    }
  }

  @Override
  public void announce(ApplicationRun run, RunOutcome outcome, ApplicationStatus before) {
    if (run.syncAttempted()) {
      boolean ok = run.syncSucceeded();
      events.record(
          run.object(),
          ok ? EventRecorder.NORMAL : EventRecorder.WARNING,
          ok ? "OperationCompleted" : "OperationFailed",
          (ok ? "Sync operation to " : "Sync operation failed at ")
              + String.join(", ", run.revisions())
              + (ok ? " succeeded" : ": " + run.syncMessage()),
          run.revisions().isEmpty() ? null : run.revisions().get(0));
    }
  }
}
