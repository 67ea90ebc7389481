package dev.cairn.engine.helm;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.CustomHealthCheck;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.helm.HelmReleaseSpec;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.health.HealthCheckExpr;
import dev.cairn.health.HealthChecks;
import dev.cairn.health.HealthExpressionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Steps {@code checkSpec} (unsupported fields, intervals, timeouts, health expressions, release
 * name and namespaces) and {@code handleRequests} (Flux's force and reset requests as {@value
 * #FORCE_AT} and {@value #RESET_AT}: a value not yet handled forces a release action, or resets the
 * failure counters).
 */
final class ReleaseSpecStep {
  static final String FORCE_AT = "reconcile.cairn.dev/forceAt";
  static final String RESET_AT = "reconcile.cairn.dev/resetAt";

  /** Helm's default timeout of an action. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private ReleaseSpecStep() {}

  static StepResult checkSpec(HelmReleaseRun run) {
    HelmReleaseSpec spec = run.spec();
    if ((spec.chart() == null) == (spec.chartRef() == null)) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC, "exactly one of chart and chartRef must be set");
    }
    checkFields(run);
    Duration interval = parse(spec.interval(), "interval");
    Duration timeout = spec.timeout() == null ? DEFAULT_TIMEOUT : parse(spec.timeout(), "timeout");
    run.timing(interval, timeout);
    String target = spec.targetNamespace() == null ? run.key().namespace() : spec.targetNamespace();
    String storage =
        spec.storageNamespace() == null ? run.key().namespace() : spec.storageNamespace();
    String release =
        ReleaseNames.releaseName(run.key().name(), spec.targetNamespace(), spec.releaseName());
    run.release(release, target, storage);
    // A new generation starts with fresh retries, as in Flux.
    HelmReleaseStatus status = run.status();
    if (status.getLastAttemptedGeneration() != null
        && status.getLastAttemptedGeneration() != run.generation()) {
      resetFailures(status);
    }
    return StepResult.proceed();
  }

  /**
   * Refuses the fields this version does not act on, checks the per-action timeouts and compiles
   * {@code healthCheckExprs}.
   */
  private static void checkFields(HelmReleaseRun run) {
    HelmReleaseSpec spec = run.spec();
    List<String> unsupported = UnsupportedReleaseFields.of(spec);
    if (!unsupported.isEmpty()) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC,
          String.join(", ", unsupported) + " is not supported by this version of Cairn");
    }
    if (spec.install() != null && spec.install().timeout() != null) {
      parse(spec.install().timeout(), "install.timeout");
    }
    if (spec.upgrade() != null && spec.upgrade().timeout() != null) {
      parse(spec.upgrade().timeout(), "upgrade.timeout");
    }
    if (spec.rollback() != null && spec.rollback().timeout() != null) {
      parse(spec.rollback().timeout(), "rollback.timeout");
    }
    if (spec.uninstall() != null && spec.uninstall().timeout() != null) {
      parse(spec.uninstall().timeout(), "uninstall.timeout");
    }
    run.healthChecks(healthChecks(spec.healthCheckExprs()));
  }

  private static HealthChecks healthChecks(List<CustomHealthCheck> exprs) {
    if (exprs == null || exprs.isEmpty()) {
      return null;
    }
    try {
      return HealthChecks.withExpressions(
          exprs.stream()
              .map(
                  e ->
                      new HealthCheckExpr(
                          e.apiVersion(), e.kind(), e.current(), e.inProgress(), e.failed()))
              .toList());
    } catch (HealthExpressionException | IllegalArgumentException e) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_CEL_EXPRESSION, "spec.healthCheckExprs: " + e.getMessage());
    }
  }

  /** An action's timeout ({@code text}, checked by checkSpec), else {@code fallback}. */
  static Duration timeoutOr(String text, Duration fallback) {
    return text == null ? fallback : FluxDuration.parse(text);
  }

  static StepResult handleRequests(HelmReleaseRun run) {
    Map<String, String> annotations = run.object().getMetadata().getAnnotations();
    if (annotations == null) {
      return StepResult.proceed();
    }
    HelmReleaseStatus status = run.status();
    String reset = annotations.get(RESET_AT);
    if (reset != null && !reset.equals(status.getLastHandledResetAt())) {
      resetFailures(status);
      status.setLastHandledResetAt(reset);
    }
    String force = annotations.get(FORCE_AT);
    if (force != null && !force.equals(status.getLastHandledForceAt())) {
      run.forceRequested(true);
      status.setLastHandledForceAt(force);
    }
    return StepResult.proceed();
  }

  static void resetFailures(HelmReleaseStatus status) {
    status.setFailures(null);
    status.setInstallFailures(null);
    status.setUpgradeFailures(null);
  }

  private static Duration parse(String text, String field) {
    try {
      return FluxDuration.parse(text);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC, "spec." + field + " '" + text + "' is not a duration");
    }
  }
}
