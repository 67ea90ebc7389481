package dev.cairn.engine.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.CairnApi;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.Conditions;
import dev.cairn.api.DependencyReference;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.engine.DependencyOrder;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.health.Health;
import dev.cairn.health.HealthCheckExpr;
import dev.cairn.health.HealthChecks;
import dev.cairn.health.HealthExpressionException;
import dev.cairn.manifest.KubeObject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * Step {@code checkDependencies}: every {@code dependsOn} Kustomization must be ready: Ready=True
 * at its current generation, or, when {@code readyExpr} is set, that CEL expression true over the
 * dependency (bound as {@code self} and its top-level fields). Not ready: the run waits ({@code
 * DependencyNotReady}, naming the dependency) and looks again after the dependency requeue, or as
 * soon as the dependency becomes ready (the controller watches it). A cycle stalls the run.
 */
final class DependencyStep {
  private final KubernetesClient client;

  DependencyStep(KubernetesClient client) {
    this.client = client;
  }

  StepResult checkDependencies(KustomizationRun run) {
    List<DependencyReference> deps = run.spec().dependsOn();
    if (deps == null || deps.isEmpty()) {
      return StepResult.proceed();
    }
    List<Kustomization> all =
        client.resources(Kustomization.class).inAnyNamespace().list().getItems();
    DependencyOrder.of(all).requireAcyclic(run.key().namespace(), run.key().name());
    for (DependencyReference dep : deps) {
      String ns =
          dep.namespace() == null || dep.namespace().isEmpty()
              ? run.key().namespace()
              : dep.namespace();
      Kustomization found =
          all.stream()
              .filter(k -> ns.equals(k.getMetadata().getNamespace()))
              .filter(k -> dep.name().equals(k.getMetadata().getName()))
              .findFirst()
              .orElse(null);
      String name = ns + "/" + dep.name();
      if (found == null) {
        throw notReady(run, "dependency '" + name + "' not found");
      }
      if (!ready(found, dep.readyExpr(), client.getKubernetesSerialization())) {
        throw notReady(run, "dependency '" + name + "' is not ready");
      }
    }
    return StepResult.proceed();
  }

  /**
   * Whether {@code dep} counts as ready, by {@code readyExpr} when set, else Ready at its
   * generation.
   */
  static boolean ready(Kustomization dep, String readyExpr, KubernetesSerialization serialization) {
    if (readyExpr != null && !readyExpr.isBlank()) {
      ObjectNode node = serialization.convertValue(dep, ObjectNode.class);
      try {
        HealthChecks checks =
            HealthChecks.withExpressions(
                List.of(
                    HealthCheckExpr.of(
                        CairnApi.GROUP + "/" + CairnApi.VERSION, "Kustomization", readyExpr)));
        Health health = checks.check(KubeObject.of(node));
        return health.isCurrent();
      } catch (HealthExpressionException e) {
        throw new ReconcileException.Stalled(
            ConditionReasons.INVALID_CEL_EXPRESSION, "dependsOn readyExpr: " + e.getMessage());
      }
    }
    if (dep.getStatus() == null || dep.getStatus().getConditions() == null) {
      return false;
    }
    Long generation = dep.getMetadata().getGeneration();
    if (generation != null && !generation.equals(dep.getStatus().getObservedGeneration())) {
      return false;
    }
    return Conditions.isTrue(Conditions.find(dep.getStatus(), ConditionTypes.READY).orElse(null));
  }

  private static ReconcileException.Waiting notReady(KustomizationRun run, String message) {
    return new ReconcileException.Waiting(
        ConditionReasons.DEPENDENCY_NOT_READY, message, run.dependencyRequeue());
  }
}
