package dev.cairn.source.helm;

import java.util.Objects;

/**
 * Which chart to pull, like Flux's {@code HelmChart.spec}: a chart name and a semver constraint
 * ({@code *} or empty for the latest stable version).
 */
public record ChartPullRequest(String chart, String version) {
  public ChartPullRequest {
    Objects.requireNonNull(chart, "chart");
    version = version == null || version.isBlank() ? "*" : version.strip();
  }

  public static ChartPullRequest of(String chart, String version) {
    return new ChartPullRequest(chart, version);
  }
}
