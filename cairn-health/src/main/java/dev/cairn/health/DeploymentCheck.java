package dev.cairn.health;

import dev.cairn.manifest.KubeObject;

/**
 * apps/Deployment, after kstatus: a progress deadline exceeded fails; otherwise every desired
 * replica must exist, be updated, available and ready, with no old replica left, and the
 * Progressing/Available conditions must say the new ReplicaSet is available.
 */
final class DeploymentCheck implements HealthCheck {

  /** The Deployment controller treats an absent progressDeadlineSeconds as "no deadline". */
  private static final long NO_DEADLINE = Integer.MAX_VALUE;

  @Override
  public Health check(KubeObject object) {
    Fields f = Fields.of(object.node());
    boolean progressed = f.integer("/spec/progressDeadlineSeconds", NO_DEADLINE) == NO_DEADLINE;
    boolean available = false;
    for (Condition c : Condition.of(object.node())) {
      if (c.type().equals("Progressing")) {
        if (c.reason().equals("ProgressDeadlineExceeded")) {
          return Health.failed(Messages.join("Progress deadline exceeded", c.message()));
        }
        if (c.isTrue() && c.reason().equals("NewReplicaSetAvailable")) {
          progressed = true;
        }
      } else if (c.type().equals("Available") && c.isTrue()) {
        available = true;
      }
    }
    long desired = f.integer("/spec/replicas", 1);
    long total = f.integer("/status/replicas", 0);
    long updated = f.integer("/status/updatedReplicas", 0);
    long ready = f.integer("/status/readyReplicas", 0);
    long availableReplicas = f.integer("/status/availableReplicas", 0);
    if (desired > total) {
      return Health.inProgress(total + " of " + desired + " replicas created");
    }
    if (desired > updated) {
      return Health.inProgress(updated + " of " + desired + " replicas updated");
    }
    if (total > desired) {
      return Health.inProgress((total - desired) + " old replicas pending termination");
    }
    if (updated > availableReplicas) {
      return Health.inProgress(availableReplicas + " of " + updated + " replicas available");
    }
    if (desired > ready) {
      return Health.inProgress(ready + " of " + desired + " replicas ready");
    }
    if (!progressed) {
      return Health.inProgress("new ReplicaSet not yet available");
    }
    if (!available) {
      return Health.inProgress("Deployment does not have minimum availability");
    }
    return Health.current("Deployment is available: " + total + " of " + desired + " replicas");
  }
}
