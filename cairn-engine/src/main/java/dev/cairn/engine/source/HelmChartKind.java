package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmChartSourceKind;
import dev.cairn.api.source.HelmChartSpec;
import dev.cairn.api.source.HelmChartStatus;
import dev.cairn.engine.AwaitArtifactStep;
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
import dev.cairn.source.SemverSelector;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.helm.ChartFromArtifact;
import dev.cairn.source.helm.HelmChartResult;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The HelmChart kind: {@code checkSpec → resolveSource → awaitSource → readCredentials → build →
 * recordArtifact}. The artifact is the chart directory ({@code <chart>/Chart.yaml}, {@code
 * <chart>/values.yaml}, {@code <chart>/templates/...}) in the same store as the sources; its
 * revision is the stored chart's version. A failure keeps the last good artifact; Ready=False
 * carries Flux's reason ({@code InvalidChartReference}, {@code ChartPullFailed}, {@code
 * ValuesFilesError}...). Failures and waits are retried at the interval.
 */
public final class HelmChartKind
    implements KindDefinition<HelmChart, HelmChartStatus, HelmChartRun> {
  private final ChartSourceStep sources;
  private final HelmRepositoryAccess access;
  private final ChartBuildStep builder;
  private final AwaitArtifactStep arrival;
  private final EventRecorder events;
  private final SourceArtifacts artifacts;

  /**
   * @param store the artifact store the sources write to; charts go there too
   * @param artifactBaseUrl where consumers download artifacts; the artifact path is appended
   */
  public HelmChartKind(
      KubernetesClient client,
      ArtifactStore store,
      HelmRepositoryFetcher repositories,
      OciChartFetcher registries,
      EventRecorder events,
      String artifactBaseUrl) {
    this.sources = new ChartSourceStep(client);
    this.access = new HelmRepositoryAccess(client);
    this.builder =
        new ChartBuildStep(repositories, registries, new ChartFromArtifact(store), store);
    this.arrival = new AwaitArtifactStep(store);
    this.events = events;
    this.artifacts = new SourceArtifacts(artifactBaseUrl);
  }

  /** The HelmChart reconciler: this kind on the engine's skeleton. */
  public static StepReconciler<HelmChart, HelmChartStatus, HelmChartRun> reconciler(
      KubernetesClient client,
      ArtifactStore store,
      HelmRepositoryFetcher repositories,
      OciChartFetcher registries,
      EventRecorder events,
      String artifactBaseUrl,
      Clock clock) {
    return new StepReconciler<>(
        client,
        new HelmChartKind(client, store, repositories, registries, events, artifactBaseUrl),
        clock);
  }

  @Override
  public Class<HelmChart> resourceClass() {
    return HelmChart.class;
  }

  @Override
  public HelmChartStatus emptyStatus() {
    return new HelmChartStatus();
  }

  @Override
  public HelmChartRun newRun(
      HelmChart object, Trigger trigger, HelmChartStatus draft, Clock clock) {
    return new HelmChartRun(object, trigger, draft, interval(object.getSpec()), clock);
  }

  @Override
  public boolean suspended(HelmChart object) {
    return Boolean.TRUE.equals(object.getSpec().suspend());
  }

  @Override
  public List<Step<HelmChartRun>> steps() {
    return List.of(
        Step.of("checkSpec", HelmChartKind::checkSpec),
        Step.of("resolveSource", sources::resolveSource),
        Step.of("awaitSource", this::awaitSource),
        Step.of("readCredentials", this::readCredentials),
        Step.of("build", builder::build),
        Step.of("recordArtifact", this::recordArtifact));
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return SourceRefusals.HELM_CHART;
  }

  @Override
  public String successReason() {
    return ConditionReasons.SUCCEEDED;
  }

  @Override
  public Set<String> ownedConditions() {
    return Set.of(ConditionTypes.FETCH_FAILED, ConditionTypes.ARTIFACT_IN_STORAGE);
  }

  @Override
  public void announce(HelmChartRun run, RunOutcome outcome, HelmChartStatus before) {
    HelmChartResult built = run.built();
    SourceArtifacts.announce(
        events,
        run.object(),
        outcome,
        before,
        before == null ? null : before.getArtifact(),
        run.status().getArtifact(),
        built != null && packaged(run) ? "ChartPackageSucceeded" : "ChartPullSucceeded",
        built == null ? "" : summary(run));
  }

  private static Duration interval(HelmChartSpec spec) {
    return FluxDuration.parseOrNull(spec.interval());
  }

  /** The source's stored artifact (index or Git tree) must be in this replica's store. */
  private StepResult awaitSource(HelmChartRun run) {
    if (run.sourceArtifact() == null) {
      return StepResult.proceed();
    }
    String source =
        run.spec().sourceRef().kind()
            + "/"
            + run.key().namespace()
            + "/"
            + run.spec().sourceRef().name();
    return arrival.awaitArtifact(run, run.sourceArtifact(), source);
  }

  private static StepResult checkSpec(HelmChartRun run) {
    HelmChartSpec spec = run.spec();
    if (run.interval() == null) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC,
          "spec.interval '" + spec.interval() + "' is not a duration");
    }
    if (spec.sourceRef().kind() == HelmChartSourceKind.Bucket) {
      throw new ReconcileException.Stalled(
          "UnsupportedSourceKind",
          "source kind Bucket is not supported by this version of Cairn's engine");
    }
    if (spec.sourceRef().kind() == HelmChartSourceKind.HelmRepository) {
      try {
        SemverSelector.parseRange(
            spec.version() == null || spec.version().isBlank() ? "*" : spec.version());
      } catch (SourceException e) {
        throw new ReconcileException.Stalled(
            "InvalidChartReference", "invalid chart reference: " + e.getMessage());
      }
    }
    return StepResult.proceed();
  }

  private StepResult readCredentials(HelmChartRun run) {
    if (run.repository() != null) {
      run.request(access.request(run.repository()));
    }
    return StepResult.proceed();
  }

  private StepResult recordArtifact(HelmChartRun run) {
    HelmChartResult built = run.built();
    Artifact artifact = artifacts.toStatus(built.artifact(), built.version());
    HelmChartStatus status = run.status();
    status.setArtifact(artifact);
    status.setUrl(artifact.url());
    status.setObservedChartName(built.chart());
    status.setObservedValuesFiles(built.valuesFiles().isEmpty() ? null : built.valuesFiles());
    String summary = summary(run);
    run.own(
        OwnedCondition.isTrue(
            ConditionTypes.ARTIFACT_IN_STORAGE,
            packaged(run) ? "ChartPackageSucceeded" : "ChartPullSucceeded",
            summary));
    run.succeedWith(summary);
    return StepResult.proceed();
  }

  /** Flux's build summary: "pulled 'web' chart with version '1.2.0'" and merged files. */
  private static String summary(HelmChartRun run) {
    HelmChartResult built = run.built();
    String text =
        (packaged(run) ? "packaged" : "pulled")
            + " '"
            + built.chart()
            + "' chart with version '"
            + built.version()
            + "'";
    if (!built.valuesFiles().isEmpty()) {
      text += " and merged values files [" + String.join(" ", built.valuesFiles()) + "]";
    }
    return text;
  }

  /** Flux packages charts from Git and charts whose values it merged; others are pulled. */
  private static boolean packaged(HelmChartRun run) {
    return run.repository() == null || !run.built().valuesFiles().isEmpty();
  }
}
