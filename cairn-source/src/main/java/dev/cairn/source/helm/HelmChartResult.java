package dev.cairn.source.helm;

import dev.cairn.source.artifact.StoredArtifact;
import java.util.List;

/**
 * A pulled chart.
 *
 * @param artifact the stored artifact: the chart directory ({@code <name>/Chart.yaml}, ...);
 *     revision is the stored chart's version
 * @param chart chart name
 * @param version the stored chart's version: the resolved version, with the build metadata of
 *     {@link ChartBuildOptions#versionMetadata()} when set
 * @param digest {@code sha256:<hex>} of the packaged chart as downloaded, verified against the
 *     index or manifest (for a chart from another artifact: the stored artifact's digest)
 * @param valuesFiles the values files merged into the stored {@code values.yaml}, in order; empty
 *     when the chart's own values were kept
 */
public record HelmChartResult(
    StoredArtifact artifact,
    String chart,
    String version,
    String digest,
    List<String> valuesFiles) {
  public HelmChartResult {
    valuesFiles = valuesFiles == null ? List.of() : List.copyOf(valuesFiles);
  }

  public HelmChartResult(StoredArtifact artifact, String chart, String version, String digest) {
    this(artifact, chart, version, digest, List.of());
  }
}
