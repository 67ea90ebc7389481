package dev.cairn.health;

import dev.cairn.manifest.KubeObject;

/**
 * policy/PodDisruptionBudget, after kstatus: in progress until as many pods are healthy as the
 * budget requires.
 */
final class PodDisruptionBudgetCheck implements HealthCheck {

  @Override
  public Health check(KubeObject object) {
    Fields f = Fields.of(object.node());
    long healthy = f.integer("/status/currentHealthy", 0);
    long desired = f.integer("/status/desiredHealthy", 0);
    if (desired > healthy) {
      return Health.inProgress(
          "budget not met: " + healthy + " of " + desired + " required pods healthy");
    }
    return Health.current("budget met: " + healthy + " of " + desired + " required pods healthy");
  }
}
