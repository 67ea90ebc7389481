package dev.cairn.health;

import dev.cairn.manifest.KubeObject;
import java.util.Optional;

/**
 * apps/ReplicaSet, after kstatus: a ReplicaFailure condition keeps it in progress with the reason;
 * otherwise every desired replica must be labelled, available and ready.
 */
final class ReplicaSetCheck implements HealthCheck {

  @Override
  public Health check(KubeObject object) {
    Optional<Condition> failure = Condition.find(object.node(), "ReplicaFailure");
    if (failure.isPresent() && failure.get().isTrue()) {
      return Health.inProgress(Messages.join("cannot create replicas", failure.get().describe()));
    }
    Fields f = Fields.of(object.node());
    long desired = f.integer("/spec/replicas", 1);
    long total = f.integer("/status/replicas", 0);
    long labelled = f.integer("/status/fullyLabeledReplicas", 0);
    long available = f.integer("/status/availableReplicas", 0);
    long ready = f.integer("/status/readyReplicas", 0);
    if (desired > labelled) {
      return Health.inProgress(labelled + " of " + desired + " replicas labelled");
    }
    if (desired > available) {
      return Health.inProgress(available + " of " + desired + " replicas available");
    }
    if (desired > ready) {
      return Health.inProgress(ready + " of " + desired + " replicas ready");
    }
    if (total > desired) {
      return Health.inProgress((total - desired) + " replicas pending termination");
    }
    return Health.current("ReplicaSet is available: " + available + " of " + desired + " replicas");
  }
}
