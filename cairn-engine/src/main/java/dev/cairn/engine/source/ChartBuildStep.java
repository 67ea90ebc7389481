package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.source.HelmChartSpec;
import dev.cairn.api.source.HelmChartStatus;
import dev.cairn.api.source.ReconcileStrategy;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.helm.ChartBuildOptions;
import dev.cairn.source.helm.ChartFromArtifact;
import dev.cairn.source.helm.ChartPullRequest;
import dev.cairn.source.helm.ChartVersion;
import dev.cairn.source.helm.HelmChartResult;
import dev.cairn.source.helm.HelmIndex;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Step {@code build}: pulls the chart from the HelmRepository (its stored index for {@code type:
 * default}, the registry for {@code type: oci}) or copies it out of the GitRepository's artifact,
 * merges {@code valuesFiles} and stores it under {@code helmchart/<namespace>/<name>}. Version
 * metadata as Flux sets it: the object's generation when values files are merged, and for {@code
 * reconcileStrategy: Revision} from Git the first 12 hex digits of the commit.
 */
final class ChartBuildStep {
  private final HelmRepositoryFetcher repositories;
  private final OciChartFetcher registries;
  private final ChartFromArtifact trees;
  private final ArtifactStore store;

  ChartBuildStep(
      HelmRepositoryFetcher repositories,
      OciChartFetcher registries,
      ChartFromArtifact trees,
      ArtifactStore store) {
    this.repositories = repositories;
    this.registries = registries;
    this.trees = trees;
    this.store = store;
  }

  StepResult build(HelmChartRun run) {
    HelmChartSpec spec = run.spec();
    ChartBuildOptions options = options(run);
    SourceKey key = new SourceKey("helmchart", run.key().namespace(), run.key().name());
    ChartPullRequest chart = ChartPullRequest.of(spec.chart(), spec.version());
    try {
      HelmChartResult result;
      if (run.repository() == null) {
        result =
            trees.extract(
                key, SourceArtifacts.toStore(run.sourceArtifact()), spec.chart(), options);
      } else if (HelmRepositoryAccess.isOci(run.repository().getSpec())) {
        result = registries.pullChart(key, run.request(), chart, options);
      } else {
        HelmIndex index = repositories.storedIndex(SourceArtifacts.toStore(run.sourceArtifact()));
        Optional<HelmChartResult> kept = keptChart(run, index, chart, options);
        result =
            kept.isPresent()
                ? kept.get()
                : repositories.pullChart(key, run.request(), index, chart, options);
      }
      run.built(result);
      run.own(OwnedCondition.removed(ConditionTypes.FETCH_FAILED));
      return StepResult.proceed();
    } catch (SourceException e) {
      String reason = e.reason().conditionReason();
      String message =
          e.reason() == SourceReason.CHART_NOT_FOUND
              ? "invalid chart reference: " + e.getMessage()
              : e.getMessage();
      run.own(OwnedCondition.isTrue(ConditionTypes.FETCH_FAILED, reason, message));
      if (needsAChange(e.reason()) && wokenBySourceChanges(run)) {
        throw new ReconcileException.Stalled(reason, message);
      }
      throw new ReconcileException.Failed(reason, message);
    }
  }

  /**
   * Flux's cached chart: when the spec is the one last built and the stored index still resolves to
   * the version the current artifact holds, with the same values files, that artifact is kept and
   * nothing is downloaded. A repository server that is away then fails the HelmRepository only, and
   * the chart (and the releases of it) stay Ready.
   */
  private Optional<HelmChartResult> keptChart(
      HelmChartRun run, HelmIndex index, ChartPullRequest chart, ChartBuildOptions options)
      throws SourceException {
    HelmChartStatus status = run.status();
    Artifact current = status.getArtifact();
    List<String> observedValuesFiles =
        status.getObservedValuesFiles() == null ? List.of() : status.getObservedValuesFiles();
    if (current == null
        || !Objects.equals(status.getObservedGeneration(), run.generation())
        || !chart.chart().equals(status.getObservedChartName())
        || !options.effectiveValuesFiles().equals(observedValuesFiles)
        || !store.contains(current.path())) {
      return Optional.empty();
    }
    Optional<ChartVersion> resolved = index.find(chart.chart(), chart.version());
    if (resolved.isEmpty()
        || !options.versionFor(resolved.get().version()).equals(current.revision())) {
      return Optional.empty();
    }
    return Optional.of(
        new HelmChartResult(
            SourceArtifacts.toStore(current),
            chart.chart(),
            current.revision(),
            current.digest(),
            observedValuesFiles));
  }

  /**
   * Flux's persistent build errors: no version matches, no chart at the path, values files missing
   * or broken. Retrying the same spec against the same source cannot succeed.
   */
  private static boolean needsAChange(SourceReason reason) {
    return reason == SourceReason.CHART_NOT_FOUND || reason == SourceReason.VALUES_FILES_FAILED;
  }

  /**
   * A stalled HelmChart runs again when its spec or its source's artifact changes (a new index, a
   * new commit). An OCI repository has no artifact to change, so a chart version pushed later could
   * only be seen by retrying: there the error stays a retried failure, unlike Flux.
   */
  private static boolean wokenBySourceChanges(HelmChartRun run) {
    return run.repository() == null || !HelmRepositoryAccess.isOci(run.repository().getSpec());
  }

  static ChartBuildOptions options(HelmChartRun run) {
    HelmChartSpec spec = run.spec();
    ChartBuildOptions options =
        ChartBuildOptions.defaults()
            .withValuesFiles(spec.valuesFiles())
            .withIgnoreMissingValuesFiles(Boolean.TRUE.equals(spec.ignoreMissingValuesFiles()));
    String metadata = "";
    if (run.repository() == null && spec.reconcileStrategy() == ReconcileStrategy.Revision) {
      String revision = run.sourceArtifact().revision();
      String hex = revision.substring(revision.lastIndexOf(':') + 1);
      metadata = hex.substring(0, Math.min(12, hex.length()));
    }
    if (!options.effectiveValuesFiles().isEmpty()) {
      metadata = (metadata.isEmpty() ? "" : metadata + ".") + run.generation();
    }
    return options.withVersionMetadata(metadata);
  }
}
