package dev.cairn.engine.kustomize;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.Conditions;
import dev.cairn.api.CustomHealthCheck;
import dev.cairn.api.ObjectRef;
import dev.cairn.apply.ResourceManager;
import dev.cairn.apply.WaitResult;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.WaitProgress;
import dev.cairn.health.HealthCheckExpr;
import dev.cairn.health.HealthChecks;
import dev.cairn.health.HealthExpressionException;
import dev.cairn.manifest.ObjectId;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Step {@code waitForHealth}: with {@code wait: true} every applied object, otherwise the objects
 * in {@code healthChecks}, must become Current within {@code timeout}; {@code healthCheckExprs} add
 * CEL rules for custom kinds. Owns the {@code Healthy} condition (removed when nothing is checked).
 *
 * <p>The latest revision wins: while waiting, the source's revision is read again before each poll;
 * when it differs from the one being applied the wait stops and the run ends with {@code
 * Waiting(HealthCheckCanceled)} and an immediate requeue, so the newer revision is applied at once
 * instead of after the timeout.
 */
final class HealthStep {
  private final SourceStep source;

  HealthStep(SourceStep source) {
    this.source = source;
  }

  StepResult waitForHealth(KustomizationRun run) {
    List<ObjectId> ids = targets(run);
    if (ids.isEmpty()) {
      run.own(OwnedCondition.removed(ConditionTypes.HEALTHY));
      return StepResult.proceed();
    }
    long start = System.nanoTime();
    String applying = run.artifact().revision();
    String[] newer = {null};
    BooleanSupplier superseded =
        () -> {
          String now = source.currentRevision(run);
          if (now != null && !now.equals(applying)) {
            newer[0] = now;
            return true;
          }
          return false;
        };
    String progress =
        "Running health checks for revision "
            + applying
            + " with a timeout of "
            + History.formatDuration(run.timeout());
    WaitResult result = withProbe(run, ids, WaitProgress.reporting(run, progress, superseded));
    if (result.healthy()) {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      run.own(
          OwnedCondition.isTrue(
              ConditionTypes.HEALTHY,
              ConditionReasons.SUCCEEDED,
              previousPassMessage(run)
                  .orElse("Health check passed in " + History.formatDuration(took))));
      return StepResult.proceed();
    }
    if (result.outcome() == WaitResult.Outcome.CANCELLED) {
      String message =
          "Health check canceled: revision " + applying + " superseded by revision " + newer[0];
      run.own(
          new OwnedCondition(
              ConditionTypes.HEALTHY, "Unknown", ConditionReasons.HEALTH_CHECK_CANCELED, message));
      throw new ReconcileException.Waiting(
          ConditionReasons.HEALTH_CHECK_CANCELED, message, Duration.ZERO);
    }
    run.own(
        OwnedCondition.isFalse(
            ConditionTypes.HEALTHY, ConditionReasons.HEALTH_CHECK_FAILED, result.message()));
    throw new ReconcileException.Failed(ConditionReasons.HEALTH_CHECK_FAILED, result.message());
  }

  private WaitResult withProbe(
      KustomizationRun run, List<ObjectId> ids, BooleanSupplier superseded) {
    List<CustomHealthCheck> exprs = run.spec().healthCheckExprs();
    if (exprs == null || exprs.isEmpty()) {
      return run.target().manager().waitForHealth(ids, run.timeout(), superseded);
    }
    HealthChecks checks;
    try {
      checks =
          HealthChecks.withExpressions(
              exprs.stream()
                  .map(
                      e ->
                          new HealthCheckExpr(
                              e.apiVersion(), e.kind(), e.current(), e.inProgress(), e.failed()))
                  .toList());
    } catch (HealthExpressionException | IllegalArgumentException e) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_CEL_EXPRESSION, "healthCheckExprs: " + e.getMessage());
    }
    try (ResourceManager scoped = new ResourceManager(run.target().cluster(), checks::check)) {
      return scoped.waitForHealth(ids, run.timeout(), superseded);
    }
  }

  private static List<ObjectId> targets(KustomizationRun run) {
    if (Boolean.TRUE.equals(run.spec().waitForReady())) {
      return Inventories.ids(run.newInventory());
    }
    List<ObjectId> ids = new ArrayList<>();
    if (run.spec().healthChecks() != null) {
      for (ObjectRef ref : run.spec().healthChecks()) {
        ObjectRef full = ref.inNamespace(run.key().namespace());
        String apiVersion = full.apiVersion() == null ? "v1" : full.apiVersion();
        int slash = apiVersion.lastIndexOf('/');
        ids.add(
            new ObjectId(
                slash < 0 ? "" : apiVersion.substring(0, slash),
                apiVersion.substring(slash + 1),
                full.kind(),
                full.namespace(),
                full.name()));
      }
    }
    return ids;
  }

  /**
   * The message of a health check that already passed: kept as it was, so that a steady state
   * (where only the measured time would differ) leaves the status unchanged and costs no write.
   */
  private static Optional<String> previousPassMessage(KustomizationRun run) {
    List<Condition> conditions = run.status().getConditions();
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream()
        .filter(c -> ConditionTypes.HEALTHY.equals(c.getType()))
        .filter(Conditions::isTrue)
        .map(Condition::getMessage)
        .filter(m -> m != null && m.startsWith("Health check passed"))
        .findFirst();
  }
}
