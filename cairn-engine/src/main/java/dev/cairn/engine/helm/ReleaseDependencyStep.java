package dev.cairn.engine.helm;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.Conditions;
import dev.cairn.api.DependencyReference;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Step {@code checkDependencies}: every {@code dependsOn} HelmRelease must be Ready for its current
 * generation; otherwise the run waits ({@code DependencyNotReady}) and looks again after the
 * dependency requeue, or as soon as the dependency becomes ready (the controller watches it).
 * {@code readyExpr} is not supported for HelmReleases yet and stalls.
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
      if (ref.readyExpr() != null && !ref.readyExpr().isBlank()) {
        throw new ReconcileException.Stalled(
            ConditionReasons.DEPENDENCY_NOT_READY,
            "dependsOn '" + described + "': readyExpr is not supported for HelmReleases yet");
      }
      if (namespace.equals(run.key().namespace()) && ref.name().equals(run.key().name())) {
        throw new ReconcileException.Stalled(
            ConditionReasons.DEPENDENCY_NOT_READY, "a HelmRelease cannot depend on itself");
      }
      HelmRelease dependency =
          client.resources(HelmRelease.class).inNamespace(namespace).withName(ref.name()).get();
      if (dependency == null || !ready(dependency)) {
        throw new ReconcileException.Waiting(
            ConditionReasons.DEPENDENCY_NOT_READY,
            "dependency '" + described + "' is not ready",
            run.dependencyRequeue());
      }
    }
    return StepResult.proceed();
  }

  private static boolean ready(HelmRelease dependency) {
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
}
