package dev.cairn.source.helm;

import dev.cairn.source.artifact.Artifact;

/**
 * A pulled chart.
 *
 * @param artifact the stored artifact: the chart directory ({@code <name>/Chart.yaml}, ...);
 *     revision is the chart version
 * @param chart chart name
 * @param version the resolved chart version
 * @param digest {@code sha256:<hex>} of the packaged chart as downloaded, verified against the
 *     index or manifest
 */
public record HelmChartResult(Artifact artifact, String chart, String version, String digest) {}
