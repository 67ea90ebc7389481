package dev.cairn.engine.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.CairnApi;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.Conditions;
import dev.cairn.api.DependencyReference;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.health.HealthCheckExpr;
import dev.cairn.health.HealthChecks;
import dev.cairn.health.HealthExpressionException;
import dev.cairn.manifest.KubeObject;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Step {@code checkDependencies}: every {@code dependsOn} HelmRelease must be Ready for its current
 * generation; otherwise the run waits ({@code DependencyNotReady}) and looks again after the
 * dependency requeue, or as soon as the dependency becomes ready (the controller watches it). With
 * {@code readyExpr} the CEL expression over the dependency (as {@code self}) decides instead.
 */
final class ReleaseDependencyStep {
  private final KubernetesClient client;

  ReleaseDependencyStep(KubernetesClient client) {
    this.client = client;
  }

  StepResult checkDependencies(HelmReleaseRun run) {
    if (run.spec().dependsOn() == null) {
      return StepResult.proceed();
    }
    for (DependencyReference ref : run.spec().dependsOn()) {
      String namespace = ref.namespace() == null ? run.key().namespace() : ref.namespace();
      String described = namespace + "/" + ref.name();
      if (namespace.equals(run.key().namespace()) && ref.name().equals(run.key().name())) {
        throw new ReconcileException.Stalled(
            ConditionReasons.DEPENDENCY_NOT_READY, "a HelmRelease cannot depend on itself");
      }
      HelmRelease dependency =
          client.resources(HelmRelease.class).inNamespace(namespace).withName(ref.name()).get();
      if (dependency == null || !ready(dependency, ref.readyExpr(), described)) {
        throw new ReconcileException.Waiting(
            ConditionReasons.DEPENDENCY_NOT_READY,
            "dependency '" + described + "' is not ready",
            run.dependencyRequeue());
      }
    }
    return StepResult.proceed();
  }

  private boolean ready(HelmRelease dependency, String readyExpr, String described) {
    if (readyExpr != null && !readyExpr.isBlank()) {
      return byExpression(dependency, readyExpr, described);
    }
    if (dependency.getStatus() == null || dependency.getStatus().getConditions() == null) {
      return false;
    }
    Long generation = dependency.getMetadata().getGeneration();
    Long observed = dependency.getStatus().getObservedGeneration();
    if (generation != null && !generation.equals(observed)) {
      return false;
    }
    return Conditions.isTrue(
        Conditions.find(dependency.getStatus(), ConditionTypes.READY).orElse(null));
  }

  /** Flux's {@code readyExpr}: the CEL expression replaces the Ready check. */
  private boolean byExpression(HelmRelease dependency, String readyExpr, String described) {
    ObjectNode node =
        client.getKubernetesSerialization().convertValue(dependency, ObjectNode.class);
    try {
      HealthChecks checks =
          HealthChecks.withExpressions(
              List.of(
                  HealthCheckExpr.of(
                      CairnApi.GROUP + "/" + CairnApi.VERSION, "HelmRelease", readyExpr)));
      return checks.check(KubeObject.of(node)).isCurrent();
    } catch (HealthExpressionException e) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_CEL_EXPRESSION,
          "spec.dependsOn '" + described + "' readyExpr: " + e.getMessage());
    }
  }
}
