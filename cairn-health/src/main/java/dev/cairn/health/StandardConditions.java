package dev.cairn.health;

import dev.cairn.manifest.KubeObject;
import java.util.Optional;

/**
 * The kstatus standard conditions, honoured on every kind before its own check: {@code
 * Stalled=True} is Failed (the controller gave up, a person must act) and {@code Reconciling=True}
 * is in progress.
 */
final class StandardConditions {

  private StandardConditions() {}

  static Optional<Health> check(KubeObject object) {
    Optional<Health> reconciling = Optional.empty();
    for (Condition c : Condition.of(object.node())) {
      if (c.type().equals("Stalled") && c.isTrue()) {
        return Optional.of(Health.failed(Messages.join("stalled", c.describe())));
      }
      if (c.type().equals("Reconciling") && c.isTrue() && reconciling.isEmpty()) {
        reconciling = Optional.of(Health.inProgress(Messages.join("reconciling", c.describe())));
      }
    }
    return reconciling;
  }
}
