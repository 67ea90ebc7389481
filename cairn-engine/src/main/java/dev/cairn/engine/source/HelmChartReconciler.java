package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmChartSourceKind;
import dev.cairn.api.source.HelmChartSpec;
import dev.cairn.api.source.HelmChartStatus;
import dev.cairn.engine.ArtifactArrival;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.StatusSummarizer;
import dev.cairn.engine.StatusWriter;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.StepRunner;
import dev.cairn.engine.Trigger;
import dev.cairn.source.SemverSelector;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.helm.ChartFromArtifact;
import dev.cairn.source.helm.HelmChartResult;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles a HelmChart: {@code checkSuspend → checkSpec → resolveSource → awaitSource →
 * readCredentials → build → recordArtifact}. The artifact is the chart directory ({@code
 * <chart>/Chart.yaml}, {@code <chart>/values.yaml}, {@code <chart>/templates/...}) in the same
 * store as the sources; its revision is the stored chart's version. A failure keeps the last good
 * artifact; Ready=False carries Flux's reason ({@code InvalidChartReference}, {@code
 * ChartPullFailed}, {@code ValuesFilesError}...). Failures and waits are retried at the interval.
 */
public final class HelmChartReconciler implements KindReconciler<HelmChart, HelmChartStatus> {
  private final KubernetesClient client;
  private final ChartSourceResolver sources;
  private final HelmRepositoryAccess access;
  private final ChartBuildStep builder;
  private final EventRecorder events;
  private final StatusWriter writer;
  private final SourceArtifacts artifacts;
  private final Clock clock;
  private final StatusSummarizer summarizer = new StatusSummarizer(ConditionReasons.SUCCEEDED);
  private final StepRunner<HelmChartRun> steps;

  /**
   * @param store the artifact store the sources write to; charts go there too
   * @param artifactBaseUrl where consumers download artifacts; the artifact path is appended
   */
  public HelmChartReconciler(
      KubernetesClient client,
      ArtifactStore store,
      HelmRepositoryFetcher repositories,
      OciChartFetcher registries,
      EventRecorder events,
      String artifactBaseUrl,
      Clock clock) {
    this.client = client;
    this.sources = new ChartSourceResolver(client);
    this.access = new HelmRepositoryAccess(client);
    this.builder = new ChartBuildStep(repositories, registries, new ChartFromArtifact(store));
    this.events = events;
    this.writer = new StatusWriter(client);
    this.artifacts = new SourceArtifacts(artifactBaseUrl);
    this.clock = clock;
    ArtifactArrival arrival = new ArtifactArrival(store);
    this.steps =
        new StepRunner<>(
            List.of(
                Step.of("checkSuspend", HelmChartReconciler::checkSuspend),
                Step.of("checkSpec", HelmChartReconciler::checkSpec),
                Step.of("resolveSource", sources::resolve),
                Step.of("awaitSource", run -> awaitSource(arrival, run)),
                Step.of("readCredentials", this::readCredentials),
                Step.of("build", builder::build),
                Step.of("recordArtifact", this::recordArtifact)));
  }

  @Override
  public Class<HelmChart> resourceClass() {
    return HelmChart.class;
  }

  /** Reads the HelmChart, reconciles it and patches its status; empty when it is gone. */
  @Override
  public Optional<ReconcileResult<HelmChartStatus>> reconcile(
      String namespace, String name, Trigger trigger) {
    return writer.reconcileLive(HelmChart.class, namespace, name, live -> reconcile(live, trigger));
  }

  /** Reconciles {@code object} and returns the status to write; does not patch it. */
  public ReconcileResult<HelmChartStatus> reconcile(HelmChart object, Trigger trigger) {
    HelmChart copy = client.getKubernetesSerialization().clone(object);
    HelmChartStatus draft = copy.getStatus() == null ? new HelmChartStatus() : copy.getStatus();
    Condition previousReady = draft.conditions(clock).get(ConditionTypes.READY).orElse(null);
    Artifact previousArtifact = draft.getArtifact();
    Duration interval = interval(copy.getSpec());
    HelmChartRun run = new HelmChartRun(copy, trigger, draft, interval, clock);
    RunOutcome outcome = steps.run(run);
    ReconcileResult<HelmChartStatus> result =
        summarizer.summarize(run, outcome, interval, interval);
    if (!outcome.skipped()) {
      HelmChartResult built = run.built();
      SourceArtifacts.announce(
          events,
          run.object(),
          outcome,
          previousReady,
          previousArtifact,
          run.status().getArtifact(),
          built != null && packaged(run) ? "ChartPackageSucceeded" : "ChartPullSucceeded",
          built == null ? "" : summary(run));
    }
    return result;
  }

  private static Duration interval(HelmChartSpec spec) {
    try {
      return FluxDuration.parse(spec.interval());
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  private static StepResult checkSuspend(HelmChartRun run) {
    return Boolean.TRUE.equals(run.spec().suspend())
        ? StepResult.skip("suspended")
        : StepResult.proceed();
  }

  /** The source's stored artifact (index or Git tree) must be in this replica's store. */
  private static StepResult awaitSource(ArtifactArrival arrival, HelmChartRun run) {
    if (run.sourceArtifact() == null) {
      return StepResult.proceed();
    }
    String source =
        run.spec().sourceRef().kind()
            + "/"
            + run.key().namespace()
            + "/"
            + run.spec().sourceRef().name();
    return arrival.await(run, run.sourceArtifact(), source);
  }

  private static StepResult checkSpec(HelmChartRun run) {
    HelmChartSpec spec = run.spec();
    if (run.interval() == null) {
      throw new ReconcileException.Stalled(
          "InvalidSpec", "spec.interval '" + spec.interval() + "' is not a duration");
    }
    if (spec.sourceRef().kind() == HelmChartSourceKind.Bucket) {
      throw new ReconcileException.Stalled(
          "UnsupportedSourceKind",
          "source kind Bucket is not supported by this version of Cairn's engine");
    }
    if (spec.verify() != null) {
      throw new ReconcileException.Stalled(
          ConditionReasons.VERIFICATION_ERROR,
          "spec.verify is not supported by this version of Cairn's engine");
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
