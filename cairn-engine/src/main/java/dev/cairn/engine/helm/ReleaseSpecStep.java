package dev.cairn.engine.helm;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.CustomHealthCheck;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.helm.HelmReleaseSpec;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.ReconcileRequest;
import dev.cairn.engine.StepResult;
import dev.cairn.health.HealthCheckExpr;
import dev.cairn.health.HealthChecks;
import dev.cairn.health.HealthExpressionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Steps {@code checkSpec} (intervals, timeouts, health expressions, release name and namespaces)
 * and {@code handleRequests} (force and reset requests, Cairn's and Flux's annotations: a request
 * handled forces a release action, or resets the failure counters).
 */
final class ReleaseSpecStep {
  static final String FORCE_AT = "reconcile.cairn.dev/forceAt";
  static final String RESET_AT = "reconcile.cairn.dev/resetAt";
  static final String FLUX_FORCE_AT = "reconcile.fluxcd.io/forceAt";
  static final String FLUX_RESET_AT = "reconcile.fluxcd.io/resetAt";

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
   * Checks the per-action timeouts and compiles {@code healthCheckExprs} (the fields this version
   * does not act on were refused before, by the skeleton's {@code checkRefusedFields} with {@link
   * HelmReleaseRefusals}).
   */
  private static void checkFields(HelmReleaseRun run) {
    HelmReleaseSpec spec = run.spec();
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

  /**
   * Cairn's {@value #RESET_AT} and {@value #FORCE_AT} are handled when their value differs from the
   * last handled one. Flux's {@value #FLUX_RESET_AT} and {@value #FLUX_FORCE_AT} follow Flux's
   * rule, so {@code flux reconcile hr --force} works: the request is handled only when its value
   * equals {@code reconcile.fluxcd.io/requestedAt}, neither was handled before, and its value is
   * recorded as handled even when it is not.
   */
  static StepResult handleRequests(HelmReleaseRun run) {
    Map<String, String> annotations = run.object().getMetadata().getAnnotations();
    if (annotations == null) {
      return StepResult.proceed();
    }
    HelmReleaseStatus status = run.status();
    // "|", not "||": Cairn's and Flux's annotations each record their value as handled
    boolean reset =
        cairnRequest(
                annotations.get(RESET_AT),
                status::getLastHandledResetAt,
                status::setLastHandledResetAt)
            | fluxRequest(
                annotations,
                FLUX_RESET_AT,
                status,
                status::getLastHandledResetAt,
                status::setLastHandledResetAt);
    if (reset) {
      resetFailures(status);
    }
    boolean force =
        cairnRequest(
                annotations.get(FORCE_AT),
                status::getLastHandledForceAt,
                status::setLastHandledForceAt)
            | fluxRequest(
                annotations,
                FLUX_FORCE_AT,
                status,
                status::getLastHandledForceAt,
                status::setLastHandledForceAt);
    if (force) {
      run.forceRequested(true);
    }
    return StepResult.proceed();
  }

  private static boolean cairnRequest(
      String value, Supplier<String> lastHandled, Consumer<String> handled) {
    if (value == null || value.equals(lastHandled.get())) {
      return false;
    }
    handled.accept(value);
    return true;
  }

  private static boolean fluxRequest(
      Map<String, String> annotations,
      String annotation,
      HelmReleaseStatus status,
      Supplier<String> lastHandled,
      Consumer<String> handled) {
    String requestAt = annotations.get(annotation);
    if (requestAt == null) {
      return false;
    }
    String previous = lastHandled.get();
    handled.accept(requestAt);
    String reconcileAt = annotations.get(ReconcileRequest.FLUX_ANNOTATION);
    return requestAt.equals(reconcileAt)
        && !requestAt.equals(previous)
        && !reconcileAt.equals(status.getLastHandledReconcileAt());
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
