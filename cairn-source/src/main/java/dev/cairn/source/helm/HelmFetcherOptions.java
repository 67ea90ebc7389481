package dev.cairn.source.helm;

import dev.cairn.source.artifact.ExtractLimits;

/**
 * Limits for Helm fetches.
 *
 * @param maxIndexBytes largest index.yaml accepted
 * @param maxChartBytes largest packaged chart accepted
 * @param chartLimits limits for unpacking a chart
 */
public record HelmFetcherOptions(
    long maxIndexBytes, long maxChartBytes, ExtractLimits chartLimits) {
  /** 50 MiB index, 10 MiB chart (Flux's defaults), 100 MiB / 10,000 entries unpacked. */
  public static HelmFetcherOptions defaults() {
    return new HelmFetcherOptions(
        50L * 1024 * 1024, 10L * 1024 * 1024, new ExtractLimits(100L * 1024 * 1024, 10_000));
  }

  public HelmFetcherOptions withMaxIndexBytes(long value) {
    return new HelmFetcherOptions(value, maxChartBytes, chartLimits);
  }

  public HelmFetcherOptions withMaxChartBytes(long value) {
    return new HelmFetcherOptions(maxIndexBytes, value, chartLimits);
  }

  public HelmFetcherOptions withChartLimits(ExtractLimits value) {
    return new HelmFetcherOptions(maxIndexBytes, maxChartBytes, value);
  }
}
