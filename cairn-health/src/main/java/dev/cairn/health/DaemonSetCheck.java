package dev.cairn.health;

import dev.cairn.manifest.KubeObject;

/**
 * apps/DaemonSet, after kstatus: every node that should run a pod has one scheduled, updated,
 * available and ready.
 */
final class DaemonSetCheck implements HealthCheck {

  @Override
  public Health check(KubeObject object) {
    Fields f = Fields.of(object.node());
    if (!f.has("/status/desiredNumberScheduled")) {
      return Health.inProgress("DaemonSet status not yet reported (no desiredNumberScheduled)");
    }
    long desired = f.integer("/status/desiredNumberScheduled", 0);
    long scheduled = f.integer("/status/currentNumberScheduled", 0);
    long updated = f.integer("/status/updatedNumberScheduled", 0);
    long available = f.integer("/status/numberAvailable", 0);
    long ready = f.integer("/status/numberReady", 0);
    if (desired > scheduled) {
      return Health.inProgress(scheduled + " of " + desired + " pods scheduled");
    }
    if (desired > updated) {
      return Health.inProgress(updated + " of " + desired + " pods updated");
    }
    if (desired > available) {
      return Health.inProgress(available + " of " + desired + " pods available");
    }
    if (desired > ready) {
      return Health.inProgress(ready + " of " + desired + " pods ready");
    }
    return Health.current("DaemonSet is ready: " + ready + " of " + desired + " pods");
  }
}
