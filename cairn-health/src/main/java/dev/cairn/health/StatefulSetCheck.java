package dev.cairn.health;

import dev.cairn.manifest.KubeObject;

/**
 * apps/StatefulSet, after kstatus: with the OnDelete strategy the controller never rolls pods, so
 * the set is Current; with RollingUpdate (the default) every replica must exist and be ready, a
 * partitioned rollout must have updated the pods above the partition, and otherwise the current
 * revision must equal the update revision.
 */
final class StatefulSetCheck implements HealthCheck {

  @Override
  public Health check(KubeObject object) {
    Fields f = Fields.of(object.node());
    String strategy = f.text("/spec/updateStrategy/type", "RollingUpdate");
    if (strategy.equals("OnDelete")) {
      return Health.current("StatefulSet uses the OnDelete update strategy");
    }
    long desired = f.integer("/spec/replicas", 1);
    long total = f.integer("/status/replicas", 0);
    long ready = f.integer("/status/readyReplicas", 0);
    long current = f.integer("/status/currentReplicas", 0);
    long updated = f.integer("/status/updatedReplicas", 0);
    long partition = f.integer("/spec/updateStrategy/rollingUpdate/partition", -1);
    if (desired > total) {
      return Health.inProgress(total + " of " + desired + " replicas created");
    }
    if (desired > ready) {
      return Health.inProgress(ready + " of " + desired + " replicas ready");
    }
    if (total > desired) {
      return Health.inProgress((total - desired) + " replicas pending termination");
    }
    if (partition > 0) {
      long expected = Math.max(0, desired - partition);
      if (updated < expected) {
        return Health.inProgress(
            updated + " of " + expected + " replicas above partition " + partition + " updated");
      }
      return Health.current("partitioned rollout complete: " + updated + " replicas updated");
    }
    if (desired > current) {
      return Health.inProgress(current + " of " + desired + " replicas at the current revision");
    }
    String currentRevision = f.text("/status/currentRevision", "");
    String updateRevision = f.text("/status/updateRevision", "");
    if (!currentRevision.equals(updateRevision)) {
      return Health.inProgress(
          "rolling out revision "
              + updateRevision
              + " ("
              + updated
              + " of "
              + desired
              + " replicas updated), current revision "
              + currentRevision);
    }
    return Health.current("StatefulSet is ready: " + ready + " of " + desired + " replicas");
  }
}
