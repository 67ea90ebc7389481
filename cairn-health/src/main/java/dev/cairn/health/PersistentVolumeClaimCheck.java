package dev.cairn.health;

import dev.cairn.manifest.KubeObject;

/** core/PersistentVolumeClaim: Bound is Current, Lost is Failed, anything else is in progress. */
final class PersistentVolumeClaimCheck implements HealthCheck {

  @Override
  public Health check(KubeObject object) {
    String phase = Fields.of(object.node()).text("/status/phase", "");
    switch (phase) {
      case "Bound":
        return Health.current("PVC is Bound");
      case "Lost":
        return Health.failed("PVC lost its PersistentVolume");
      default:
        return Health.inProgress(
            "PVC is not Bound" + (phase.isEmpty() ? "" : " (phase " + phase + ")"));
    }
  }
}
