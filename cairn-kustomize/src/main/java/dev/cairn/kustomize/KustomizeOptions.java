package dev.cairn.kustomize;

import java.nio.file.Path;

/**
 * Options of a {@link Kustomizer}.
 *
 * @param loadRestriction where files may be read from, relative to each kustomization
 * @param boundary the directory nothing may be read outside of (after resolving symlinks); null
 *     means the directory given to {@code build}
 * @param maxFileBytes the largest file read, in bytes
 * @param maxDepth the deepest chain of bases and components
 * @param chartInflator renders {@code helmCharts} (kustomize's {@code --enable-helm}); null, the
 *     default, refuses them with kustomize's {@code must specify --enable-helm}
 */
public record KustomizeOptions(
    LoadRestriction loadRestriction,
    Path boundary,
    long maxFileBytes,
    int maxDepth,
    ChartInflator chartInflator) {

  public KustomizeOptions {
    if (loadRestriction == null) {
      throw new IllegalArgumentException("loadRestriction is required");
    }
    if (maxFileBytes <= 0 || maxDepth <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Kustomize's defaults: root-only loading, boundary at the build directory. */
  public static KustomizeOptions defaults() {
    return new KustomizeOptions(LoadRestriction.ROOT_ONLY, null, 16L * 1024 * 1024, 64, null);
  }

  public KustomizeOptions withLoadRestriction(LoadRestriction value) {
    return new KustomizeOptions(value, boundary, maxFileBytes, maxDepth, chartInflator);
  }

  /** Widens (or narrows) the directory nothing may be read outside of, e.g. a repository root. */
  public KustomizeOptions withBoundary(Path value) {
    return new KustomizeOptions(loadRestriction, value, maxFileBytes, maxDepth, chartInflator);
  }

  public KustomizeOptions withMaxFileBytes(long value) {
    return new KustomizeOptions(loadRestriction, boundary, value, maxDepth, chartInflator);
  }

  public KustomizeOptions withMaxDepth(int value) {
    return new KustomizeOptions(loadRestriction, boundary, maxFileBytes, value, chartInflator);
  }

  /** Enables {@code helmCharts}, inflated through {@code value}; null disables them again. */
  public KustomizeOptions withChartInflator(ChartInflator value) {
    return new KustomizeOptions(loadRestriction, boundary, maxFileBytes, maxDepth, value);
  }
}
