package dev.cairn.engine.kustomize;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.ResourceInventory;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.AwaitArtifactStep;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.KindDefinition;
import dev.cairn.engine.ObjectReader;
import dev.cairn.engine.Run;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Tenancy;
import dev.cairn.engine.Trigger;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.source.artifact.ArtifactStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kustomization kind, with Flux's semantics: {@code checkSpec → checkAccess → resolveSource →
 * checkDependencies → awaitArtifact → render → connect → apply → prune → waitForHealth → succeed};
 * a deleted Kustomization runs {@code collectGarbage} (see {@link GarbageCollectionStep}). After
 * the steps it records revision, inventory and history; events: one per real change.
 */
public final class KustomizationKind
    implements KindDefinition<Kustomization, KustomizationStatus, KustomizationRun> {
  static final String ORIGIN_REVISION = "org.opencontainers.image.revision";
  private final Tenancy tenancy;
  private final Duration dependencyRequeue;
  private final KustomizationEvents events;
  private final ApplyOptions applyOptions;
  private final Clock clock;
  private final ConnectStep connect;
  private final SourceStep source;
  private final DependencyStep dependencies;
  private final AwaitArtifactStep arrival;
  private final RenderStep render;
  private final ApplyStep apply = new ApplyStep();
  private final HealthStep health;
  private final GarbageCollectionStep garbage;

  public KustomizationKind(
      KubernetesClient client,
      ArtifactStore store,
      KustomizationRenderer renderer,
      ResourceManager manager,
      ClusterClient cluster,
      EventRecorder events,
      ApplyOptions applyOptions,
      Duration dependencyRequeue,
      Clock clock) {
    this(
        client,
        store,
        renderer,
        manager,
        cluster,
        events,
        applyOptions,
        dependencyRequeue,
        clock,
        Tenancy.open());
  }

  /** With {@code tenancy}'s lockdown: cross-namespace references and the default account. */
  public KustomizationKind(
      KubernetesClient client,
      ArtifactStore store,
      KustomizationRenderer renderer,
      ResourceManager manager,
      ClusterClient cluster,
      EventRecorder events,
      ApplyOptions applyOptions,
      Duration dependencyRequeue,
      Clock clock,
      Tenancy tenancy) {
    this(
        client,
        store,
        renderer,
        manager,
        cluster,
        events,
        applyOptions,
        dependencyRequeue,
        clock,
        tenancy,
        ObjectReader.of(client));
  }

  /**
   * With {@code sources} answering the reads of sources (GitRepository, OCIRepository): the
   * runtime's watch cache, so a run does not ask the API server for an artifact it already knows.
   */
  public KustomizationKind(
      KubernetesClient client,
      ArtifactStore store,
      KustomizationRenderer renderer,
      ResourceManager manager,
      ClusterClient cluster,
      EventRecorder events,
      ApplyOptions applyOptions,
      Duration dependencyRequeue,
      Clock clock,
      Tenancy tenancy,
      ObjectReader sources) {
    this.tenancy = tenancy;
    this.dependencyRequeue = dependencyRequeue;
    this.events = new KustomizationEvents(events);
    this.applyOptions = applyOptions;
    this.clock = clock;
    this.source = new SourceStep(sources);
    this.dependencies = new DependencyStep(client);
    this.render =
        new RenderStep(
            store, renderer, new SubstitutionSources(client), new DecryptionKeys(client));
    this.arrival = new AwaitArtifactStep(store);
    this.health = new HealthStep(source);
    this.connect = new ConnectStep(client, manager, cluster, tenancy);
    this.garbage = new GarbageCollectionStep(connect, applyOptions, events);
  }

  /**
   * The Kustomization reconciler: this kind on the engine's skeleton, with Flux's dependency
   * requeue.
   */
  public static StepReconciler<Kustomization, KustomizationStatus, KustomizationRun> reconciler(
      KubernetesClient client,
      ArtifactStore store,
      KustomizationRenderer renderer,
      ResourceManager manager,
      ClusterClient cluster,
      EventRecorder events,
      ApplyOptions applyOptions,
      Clock clock) {
    return new StepReconciler<>(
        client,
        new KustomizationKind(
            client,
            store,
            renderer,
            manager,
            cluster,
            events,
            applyOptions,
            Run.DEFAULT_DEPENDENCY_REQUEUE,
            clock),
        clock);
  }

  @Override
  public Class<Kustomization> resourceClass() {
    return Kustomization.class;
  }

  @Override
  public KustomizationStatus emptyStatus() {
    return new KustomizationStatus();
  }

  @Override
  public KustomizationRun newRun(
      Kustomization object, Trigger trigger, KustomizationStatus draft, Clock clock) {
    KustomizationRun run = new KustomizationRun(object, trigger, draft, clock, applyOptions);
    run.dependencyRequeue(dependencyRequeue);
    return run;
  }

  @Override
  public boolean suspended(Kustomization object) {
    return object.getSpec().suspended();
  }

  @Override
  public List<Step<KustomizationRun>> steps() {
    return List.of(
        Step.of("checkSpec", KustomizationSpecStep::checkSpec),
        Step.of("checkAccess", this::checkAccess),
        Step.of("resolveSource", source::resolveSource),
        Step.of("checkDependencies", dependencies::checkDependencies),
        Step.of(
            "awaitArtifact",
            run -> arrival.awaitArtifact(run, run.artifact(), SourceStep.describe(run))),
        Step.of("render", render::render),
        Step.of("connect", connect::connect),
        Step.of("apply", apply::apply),
        Step.of("prune", apply::prune),
        Step.of("waitForHealth", health::waitForHealth),
        Step.of("succeed", KustomizationKind::succeed));
  }

  /**
   * Step {@code checkAccess}: with cross-namespace references blocked, the source and every
   * dependency must be in the Kustomization's namespace.
   */
  private StepResult checkAccess(KustomizationRun run) {
    String own = run.key().namespace();
    var source = run.spec().sourceRef();
    tenancy.checkReference(own, source.kind().name(), source.namespace(), source.name());
    if (run.spec().dependsOn() != null) {
      run.spec()
          .dependsOn()
          .forEach(
              dep -> tenancy.checkReference(own, "Kustomization", dep.namespace(), dep.name()));
    }
    return StepResult.proceed();
  }

  @Override
  public List<Step<KustomizationRun>> deletionSteps() {
    return List.of(Step.of("collectGarbage", garbage::collectGarbage));
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return KustomizationRefusals.FIELDS;
  }

  @Override
  public String successReason() {
    return ConditionReasons.RECONCILIATION_SUCCEEDED;
  }

  @Override
  public Set<String> ownedConditions() {
    return Set.of(ConditionTypes.HEALTHY);
  }

  @Override
  public void finish(KustomizationRun run, RunOutcome outcome) {
    KustomizationStatus status = run.status();
    if (run.newInventory() != null) {
      status.setInventory(new ResourceInventory(run.newInventory()));
    }
    if (outcome.succeeded()) {
      status.setLastAppliedRevision(run.artifact().revision());
      status.setLastAppliedOriginRevision(originRevision(run.artifact()));
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

  @Override
  public void announce(KustomizationRun run, RunOutcome outcome, KustomizationStatus before) {
    events.afterRun(run, outcome, before);
  }

  /**
   * Stops the threads of the clients derived for {@code serviceAccountName} and deletes the
   * unpacked artifacts.
   */
  @Override
  public void close() {
    connect.close();
    render.close();
  }

  /**
   * Flux's origin revision: the artifact's {@value #ORIGIN_REVISION} metadata (an OCI artifact
   * built from Git carries the commit there); null when absent, as for GitRepository artifacts.
   */
  static String originRevision(Artifact artifact) {
    Map<String, String> metadata = artifact.metadata();
    String value = metadata == null ? null : metadata.get(ORIGIN_REVISION);
    return value == null || value.isEmpty() ? null : value;
  }

  private static StepResult succeed(KustomizationRun run) {
    run.succeedWith("Applied revision: " + run.artifact().revision());
    return StepResult.proceed();
  }
}
