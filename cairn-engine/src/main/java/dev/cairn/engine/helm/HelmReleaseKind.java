package dev.cairn.engine.helm;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.AwaitArtifactStep;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.KindDefinition;
import dev.cairn.engine.Run;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Tenancy;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.cluster.ClusterTargets;
import dev.cairn.render.helm.HelmPostRenderer;
import dev.cairn.render.helm.HelmTemplateRenderer;
import dev.cairn.source.artifact.ArtifactStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The HelmRelease kind, with Flux's semantics: {@code checkSpec → handleRequests → checkAccess →
 * connect → resolveChart → checkDependencies → awaitChart → composeValues → render → release}; a
 * deleted HelmRelease runs {@code checkSpec → connect → uninstall}. Helm renders ({@code helm
 * template}, cairn-render); Cairn's apply engine applies, prunes and waits; revisions are stored as
 * Helm's release Secrets.
 */
public final class HelmReleaseKind
    implements KindDefinition<HelmRelease, HelmReleaseStatus, HelmReleaseRun> {
  private final Tenancy tenancy;
  private final Duration dependencyRequeue;
  private final HelmReleaseEvents events;
  private final UninstallStep uninstaller;
  private final ChartStep chart;
  private final AwaitArtifactStep arrival;
  private final ReleaseDependencyStep dependencies;
  private final ValuesStep values;
  private final ChartRenderStep render;
  private final ReleaseStep release;
  private final ClusterTargets targets;

  public HelmReleaseKind(
      KubernetesClient client,
      ArtifactStore store,
      HelmTemplateRenderer renderer,
      HelmPostRenderer postRenderer,
      ResourceManager manager,
      ClusterClient cluster,
      EventRecorder events,
      ApplyOptions applyOptions,
      Duration dependencyRequeue) {
    this(
        client,
        store,
        renderer,
        postRenderer,
        manager,
        cluster,
        events,
        applyOptions,
        dependencyRequeue,
        Tenancy.open());
  }

  /** With {@code tenancy}'s lockdown: cross-namespace references and the default account. */
  public HelmReleaseKind(
      KubernetesClient client,
      ArtifactStore store,
      HelmTemplateRenderer renderer,
      HelmPostRenderer postRenderer,
      ResourceManager manager,
      ClusterClient cluster,
      EventRecorder events,
      ApplyOptions applyOptions,
      Duration dependencyRequeue,
      Tenancy tenancy) {
    this.tenancy = tenancy;
    this.dependencyRequeue = dependencyRequeue;
    this.events = new HelmReleaseEvents(events);
    this.targets = new ClusterTargets(client, manager, cluster);
    ReleaseApplier applier = new ReleaseApplier(applyOptions);
    Remediator remediator = new Remediator(applier);
    this.uninstaller = new UninstallStep(client, remediator);
    this.chart = new ChartStep(client);
    this.arrival = new AwaitArtifactStep(store);
    this.dependencies = new ReleaseDependencyStep(client);
    this.values = new ValuesStep(client);
    this.render =
        new ChartRenderStep(store, renderer, postRenderer, cluster, new KubeVersion(client));
    this.release = new ReleaseStep(applier, remediator, new DriftCheck(applier));
  }

  /** The HelmRelease reconciler: this kind on the engine's skeleton. */
  public static StepReconciler<HelmRelease, HelmReleaseStatus, HelmReleaseRun> reconciler(
      KubernetesClient client,
      ArtifactStore store,
      HelmTemplateRenderer renderer,
      HelmPostRenderer postRenderer,
      ResourceManager manager,
      ClusterClient cluster,
      EventRecorder events,
      ApplyOptions applyOptions,
      Clock clock) {
    return new StepReconciler<>(
        client,
        new HelmReleaseKind(
            client,
            store,
            renderer,
            postRenderer,
            manager,
            cluster,
            events,
            applyOptions,
            Run.DEFAULT_DEPENDENCY_REQUEUE),
        clock);
  }

  @Override
  public Class<HelmRelease> resourceClass() {
    return HelmRelease.class;
  }

  @Override
  public HelmReleaseStatus emptyStatus() {
    return new HelmReleaseStatus();
  }

  @Override
  public HelmReleaseRun newRun(
      HelmRelease object, Trigger trigger, HelmReleaseStatus draft, Clock clock) {
    HelmReleaseRun run = new HelmReleaseRun(object, trigger, draft, clock);
    run.dependencyRequeue(dependencyRequeue);
    return run;
  }

  @Override
  public boolean suspended(HelmRelease object) {
    return object.getSpec().suspended();
  }

  @Override
  public List<Step<HelmReleaseRun>> steps() {
    return List.of(
        Step.of("checkSpec", ReleaseSpecStep::checkSpec),
        Step.of("handleRequests", ReleaseSpecStep::handleRequests),
        Step.of("checkAccess", this::checkAccess),
        Step.of("connect", this::connect),
        Step.of("resolveChart", chart::resolveChart),
        Step.of("checkDependencies", dependencies::checkDependencies),
        Step.of(
            "awaitChart",
            run -> arrival.awaitArtifact(run, run.artifact(), ChartStep.describeSource(run))),
        Step.of("composeValues", values::composeValues),
        Step.of("render", render::render),
        Step.of("release", release::release));
  }

  @Override
  public List<Step<HelmReleaseRun>> deletionSteps() {
    return List.of(
        Step.of("checkSpec", ReleaseSpecStep::checkSpec),
        Step.of("connect", this::connect),
        Step.of("uninstall", uninstaller::uninstall));
  }

  /**
   * Step {@code connect}: the {@link dev.cairn.engine.cluster.ClusterTarget} of {@code
   * serviceAccountName} and {@code kubeConfig}; values, dependencies and the status stay home.
   */
  private StepResult connect(HelmReleaseRun run) {
    run.target(
        targets.open(
            run.key().namespace(),
            tenancy.serviceAccountOf(run.spec().serviceAccountName()),
            run.spec().kubeConfig()));
    return StepResult.proceed();
  }

  /**
   * Step {@code checkAccess}: with cross-namespace references blocked, the chart's source (or
   * {@code chartRef}) and every dependency must be in the HelmRelease's namespace.
   */
  private StepResult checkAccess(HelmReleaseRun run) {
    String own = run.key().namespace();
    if (run.spec().chart() != null) {
      var source = run.spec().chart().spec().sourceRef();
      tenancy.checkReference(own, String.valueOf(source.kind()), source.namespace(), source.name());
    }
    if (run.spec().chartRef() != null) {
      var ref = run.spec().chartRef();
      tenancy.checkReference(own, String.valueOf(ref.kind()), ref.namespace(), ref.name());
    }
    if (run.spec().dependsOn() != null) {
      run.spec()
          .dependsOn()
          .forEach(dep -> tenancy.checkReference(own, "HelmRelease", dep.namespace(), dep.name()));
    }
    return StepResult.proceed();
  }

  /** Stops the threads of the clients derived for {@code serviceAccountName}. */
  @Override
  public void close() {
    targets.close();
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return HelmReleaseRefusals.FIELDS;
  }

  @Override
  public String successReason() {
    return ConditionReasons.RECONCILIATION_SUCCEEDED;
  }

  @Override
  public Set<String> ownedConditions() {
    return Set.of(ConditionTypes.RELEASED, ConditionTypes.REMEDIATED, DriftCheck.DRIFTED);
  }

  /** After a successful run, the digest of the post-renderers in effect (Flux's field). */
  @Override
  public void finish(HelmReleaseRun run, RunOutcome outcome) {
    if (outcome.succeeded()) {
      run.status()
          .setObservedPostRenderersDigest(PostRenderersDigest.of(run.spec().postRenderers()));
    }
  }

  @Override
  public void announce(HelmReleaseRun run, RunOutcome outcome, HelmReleaseStatus before) {
    events.afterRun(run, outcome, before);
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
