package dev.cairn.engine.kustomize;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Tenancy;
import dev.cairn.engine.cluster.ClusterTarget;
import dev.cairn.engine.cluster.ClusterTargets;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Step {@code connect}: picks the {@link ClusterTarget} of a run from {@code serviceAccountName}
 * (or the default service account of {@link Tenancy}) and {@code kubeConfig} ({@link
 * ClusterTargets}).
 */
final class ConnectStep {
  private final ClusterTargets targets;
  private final Tenancy tenancy;

  ConnectStep(
      KubernetesClient home, ResourceManager manager, ClusterClient cluster, Tenancy tenancy) {
    this.targets = new ClusterTargets(home, manager, cluster);
    this.tenancy = tenancy;
  }

  StepResult connect(KustomizationRun run) {
    run.target(open(run.object()));
    return StepResult.proceed();
  }

  /** The target for {@code object}; close it after use. */
  ClusterTarget open(Kustomization object) {
    return targets.open(
        object.getMetadata().getNamespace(),
        tenancy.serviceAccountOf(object.getSpec().serviceAccountName()),
        object.getSpec().kubeConfig());
  }

  /** Stops the managers of the impersonating targets. */
  void close() {
    targets.close();
  }
}
