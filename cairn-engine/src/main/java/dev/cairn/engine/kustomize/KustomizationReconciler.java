package dev.cairn.engine.kustomize;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.ResourceInventory;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.ArtifactArrival;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.ReconcileException;
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
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles a Kustomization with Flux's semantics, as a list of named steps: {@code checkSuspend →
 * checkSpec → resolveSource → checkDependencies → awaitArtifact → render → connect → apply → prune
 * → waitForHealth}. A deleted Kustomization is finalized instead (see {@link
 * KustomizationFinalizer}). Then it records revision, inventory and history, lets the {@link
 * StatusSummarizer} derive the conditions, writes at most one event per real change and patches the
 * status once. Thread-safe: per-run state lives in a {@link KustomizationRun}.
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
  private final ClusterTargets targets;
  private final RenderStep render;
  private final KustomizationFinalizer finalizer;

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
    this.render = new RenderStep(store, renderer, new SubstitutionSources(client));
    ApplyStep apply = new ApplyStep();
    ArtifactArrival arrival = new ArtifactArrival(store);
    HealthStep health = new HealthStep(source);
    this.targets = new ClusterTargets(client, manager, cluster);
    this.finalizer = new KustomizationFinalizer(targets, applyOptions);
    this.steps =
        new StepRunner<>(
            List.of(
                Step.of("checkSuspend", KustomizationReconciler::checkSuspend),
                Step.of("checkSpec", Intervals::validate),
                Step.of("resolveSource", source::resolve),
                Step.of("checkDependencies", dependencies::check),
                Step.of(
                    "awaitArtifact",
                    run -> arrival.await(run, run.artifact(), SourceResolver.describe(run))),
                Step.of("render", render::render),
                Step.of("connect", targets::connect),
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
  public boolean finalizes() {
    return true;
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
    if (KustomizationFinalizer.deleting(live)) {
      return Optional.of(finalize(live));
    }
    if (!KustomizationFinalizer.present(live)) {
      live =
          client
              .resources(Kustomization.class)
              .inNamespace(namespace)
              .withName(name)
              .edit(KustomizationFinalizer::withFinalizer);
    }
    ReconcileResult<KustomizationStatus> result = reconcile(live, trigger);
    if (result.patchStatus()) {
      writer.write(Kustomization.class, live, result.status());
    }
    return Optional.of(result);
  }

  /**
   * A deleted Kustomization: garbage-collect its inventory (per {@code prune} and {@code
   * deletionPolicy}; a suspended one only is released), then remove the finalizer. A failed delete
   * keeps the finalizer; the object is looked at again after the retry interval.
   */
  private ReconcileResult<KustomizationStatus> finalize(Kustomization live) {
    KustomizationStatus status = live.getStatus();
    if (!KustomizationFinalizer.present(live)) {
      return new ReconcileResult<>(null, status, false);
    }
    try {
      finalizer.collectGarbage(live);
    } catch (ReconcileException.Failed e) {
      Duration retry = Intervals.orNull(live.getSpec().retryInterval());
      Duration after = retry != null ? retry : Intervals.orNull(live.getSpec().interval());
      return new ReconcileResult<>(after, status, false);
    }
    try {
      client
          .resources(Kustomization.class)
          .inNamespace(live.getMetadata().getNamespace())
          .withName(live.getMetadata().getName())
          .edit(KustomizationFinalizer::withoutFinalizer);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
    return new ReconcileResult<>(null, status, false);
  }

  /**
   * Stops the threads of the clients derived for {@code serviceAccountName} and deletes the
   * unpacked artifacts.
   */
  @Override
  public void close() {
    targets.close();
    render.close();
  }

  /** Reconciles {@code object} and returns the status to write; does not patch it. */
  public ReconcileResult<KustomizationStatus> reconcile(Kustomization object, Trigger trigger) {
    Kustomization copy = client.getKubernetesSerialization().clone(object);
    KustomizationStatus draft =
        copy.getStatus() == null ? new KustomizationStatus() : copy.getStatus();
    Condition previousReady = draft.conditions(clock).get(ConditionTypes.READY).orElse(null);
    KustomizationRun run = new KustomizationRun(copy, trigger, draft, clock, applyOptions);
    RunOutcome outcome;
    try {
      outcome = steps.run(run);
    } finally {
      if (run.target() != null) {
        run.target().close();
      }
    }
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
