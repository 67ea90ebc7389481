package dev.cairn.engine.helm;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.ArtifactArrival;
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
import dev.cairn.render.helm.HelmPostRenderer;
import dev.cairn.render.helm.HelmTemplateRenderer;
import dev.cairn.source.artifact.ArtifactStore;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reconciles a HelmRelease with Flux's semantics, as named steps: {@code handleDeletion →
 * checkSuspend → checkSpec → handleRequests → resolveChart → checkDependencies → awaitChart →
 * composeValues → render → release}. Helm renders ({@code helm template}, cairn-render); Cairn's
 * apply engine applies, prunes and waits; revisions are stored as Helm's release Secrets. Then the
 * {@link StatusSummarizer} derives Ready, events are written and the status is patched once.
 * Thread-safe: per-run state lives in a {@link HelmReleaseRun}.
 */
public final class HelmReleaseReconciler implements KindReconciler<HelmRelease, HelmReleaseStatus> {
  private final KubernetesClient client;
  private final StepRunner<HelmReleaseRun> steps;
  private final StatusSummarizer summarizer =
      new StatusSummarizer(dev.cairn.api.ConditionReasons.RECONCILIATION_SUCCEEDED);
  private final HelmReleaseEvents events;
  private final StatusWriter writer;
  private final Clock clock;

  public HelmReleaseReconciler(
      KubernetesClient client,
      ArtifactStore store,
      HelmTemplateRenderer renderer,
      HelmPostRenderer postRenderer,
      ResourceManager manager,
      ClusterClient cluster,
      EventRecorder events,
      ApplyOptions applyOptions,
      Clock clock) {
    this.client = client;
    this.events = new HelmReleaseEvents(events);
    this.writer = new StatusWriter(client);
    this.clock = clock;
    ReleaseStorage storage = new ReleaseStorage(client);
    ReleaseApplier applier = new ReleaseApplier(manager, cluster, applyOptions);
    Remediator remediator = new Remediator(storage, applier);
    Uninstaller uninstaller = new Uninstaller(client, storage, remediator);
    ChartSource chart = new ChartSource(client);
    ArtifactArrival arrival = new ArtifactArrival(store);
    ReleaseDependencies dependencies = new ReleaseDependencies(client);
    ValuesComposer values = new ValuesComposer(client);
    ChartRenderStep render =
        new ChartRenderStep(store, renderer, postRenderer, cluster, new KubeVersion(client));
    ReleaseStep release =
        new ReleaseStep(storage, applier, remediator, new DriftCheck(manager, applier), cluster);
    this.steps =
        new StepRunner<>(
            List.of(
                Step.of("handleDeletion", uninstaller::handle),
                Step.of("checkSuspend", HelmReleaseReconciler::checkSuspend),
                Step.of("checkSpec", SpecStep::checkSpec),
                Step.of("handleRequests", SpecStep::handleRequests),
                Step.of("resolveChart", chart::resolve),
                Step.of("checkDependencies", dependencies::check),
                Step.of(
                    "awaitChart",
                    run ->
                        arrival.await(
                            run, run.artifact(), "HelmChart/" + run.status().getHelmChart())),
                Step.of("composeValues", values::compose),
                Step.of("render", render::render),
                Step.of("release", release::release)));
  }

  /** The step names, in order. */
  public List<String> stepNames() {
    return steps.names();
  }

  @Override
  public boolean finalizes() {
    return true;
  }

  @Override
  public Class<HelmRelease> resourceClass() {
    return HelmRelease.class;
  }

  /** Reads the HelmRelease, reconciles it and patches its status; empty when it is gone. */
  @Override
  public Optional<ReconcileResult<HelmReleaseStatus>> reconcile(
      String namespace, String name, Trigger trigger) {
    return writer.reconcileLive(
        HelmRelease.class, namespace, name, live -> reconcile(live, trigger));
  }

  /** Reconciles {@code object} and returns the status to write; does not patch it. */
  public ReconcileResult<HelmReleaseStatus> reconcile(HelmRelease object, Trigger trigger) {
    HelmRelease copy = client.getKubernetesSerialization().clone(object);
    HelmReleaseStatus draft = copy.getStatus() == null ? new HelmReleaseStatus() : copy.getStatus();
    Condition previousReady = draft.conditions(clock).get(ConditionTypes.READY).orElse(null);
    HelmReleaseRun run = new HelmReleaseRun(copy, trigger, draft, clock);
    RunOutcome outcome = steps.run(run);
    ReconcileResult<HelmReleaseStatus> result =
        summarizer.summarize(run, outcome, run.interval(), run.interval());
    if (!outcome.skipped()) {
      events.afterRun(run, outcome, previousReady);
    }
    return result;
  }

  private static StepResult checkSuspend(HelmReleaseRun run) {
    return run.spec().suspended() ? StepResult.skip("suspended") : StepResult.proceed();
  }

  /** The cluster's version for Helm's capabilities, read once and kept. */
  private static final class KubeVersion implements Supplier<String> {
    private final KubernetesClient client;
    private volatile String value;

    KubeVersion(KubernetesClient client) {
      this.client = client;
    }

    @Override
    public String get() {
      String v = value;
      if (v == null) {
        try {
          v = client.getKubernetesVersion().getGitVersion();
          value = v;
        } catch (RuntimeException e) {
          return null;
        }
      }
      return v;
    }
  }
}
