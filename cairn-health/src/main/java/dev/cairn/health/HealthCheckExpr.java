package dev.cairn.health;

/**
 * CEL health expressions for one kind, in the shape of Flux's {@code healthCheckExprs}: {@code
 * current} is required, {@code inProgress} and {@code failed} are optional (null or blank means
 * absent). The apiVersion's group and the kind select the objects; the version is not compared, as
 * in Flux.
 */
public record HealthCheckExpr(
    String apiVersion, String kind, String current, String inProgress, String failed) {

  public HealthCheckExpr {
    if (apiVersion == null || apiVersion.isBlank() || kind == null || kind.isBlank()) {
      throw new IllegalArgumentException(
          "health expression needs apiVersion and kind, got apiVersion="
              + apiVersion
              + " kind="
              + kind);
    }
    if (current == null || current.isBlank()) {
      throw new IllegalArgumentException(
          "health expression for " + apiVersion + " " + kind + " needs a 'current' expression");
    }
    inProgress = inProgress == null ? "" : inProgress;
    failed = failed == null ? "" : failed;
  }

  /** Only the required expression. */
  public static HealthCheckExpr of(String apiVersion, String kind, String current) {
    return new HealthCheckExpr(apiVersion, kind, current, "", "");
  }

  public HealthCheckExpr withInProgress(String expression) {
    return new HealthCheckExpr(apiVersion, kind, current, expression, failed);
  }

  public HealthCheckExpr withFailed(String expression) {
    return new HealthCheckExpr(apiVersion, kind, current, inProgress, expression);
  }

  /** The API group of {@link #apiVersion()}, empty for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
