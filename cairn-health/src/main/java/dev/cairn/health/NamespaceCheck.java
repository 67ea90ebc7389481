package dev.cairn.health;

import dev.cairn.manifest.KubeObject;

/** core/Namespace: phase Terminating is Terminating, anything else is Current. */
final class NamespaceCheck implements HealthCheck {

  @Override
  public Health check(KubeObject object) {
    String phase = Fields.of(object.node()).text("/status/phase", "Active");
    if (phase.equals("Terminating")) {
      return Health.terminating("Namespace is terminating");
    }
    return Health.current("Namespace is " + phase);
  }
}
