package dev.cairn.engine.argo;

import dev.cairn.api.argo.AppHealthStatus;
import dev.cairn.health.Health;
import dev.cairn.health.HealthChecks;
import dev.cairn.manifest.KubeObject;
import java.util.List;
import java.util.Optional;

/**
 * Argo CD's health statuses from Cairn's health checks (kstatus rules): Current → Healthy,
 * InProgress and Terminating → Progressing, Failed → Degraded, NotFound → Missing, Unknown →
 * Unknown; a paused Deployment or a suspended CronJob is Suspended, as in Argo CD. The health of an
 * Application is the worst of its resources' in Argo CD's order (Healthy, Suspended, Progressing,
 * Missing, Degraded, Unknown).
 */
final class ArgoHealth {
  static final List<String> ORDER =
      List.of(
          AppHealthStatus.HEALTHY,
          AppHealthStatus.SUSPENDED,
          AppHealthStatus.PROGRESSING,
          AppHealthStatus.MISSING,
          AppHealthStatus.DEGRADED,
          AppHealthStatus.UNKNOWN);

  private final HealthChecks checks = HealthChecks.defaults();

  AppHealthStatus of(Optional<KubeObject> live) {
    if (live.isEmpty()) {
      return new AppHealthStatus(AppHealthStatus.MISSING, null, null);
    }
    KubeObject object = live.get();
    if (suspended(object)) {
      return new AppHealthStatus(AppHealthStatus.SUSPENDED, null, null);
    }
    Health health = checks.check(object);
    String status =
        switch (health.status()) {
          case CURRENT -> AppHealthStatus.HEALTHY;
          case IN_PROGRESS, TERMINATING -> AppHealthStatus.PROGRESSING;
          case FAILED -> AppHealthStatus.DEGRADED;
          case NOT_FOUND -> AppHealthStatus.MISSING;
          case UNKNOWN -> AppHealthStatus.UNKNOWN;
        };
    String message =
        health.message().isEmpty() || status.equals(AppHealthStatus.HEALTHY)
            ? null
            : health.message();
    return new AppHealthStatus(status, message, null);
  }

  private static boolean suspended(KubeObject object) {
    return switch (object.kind()) {
      case "Deployment" -> object.node().at("/spec/paused").asBoolean(false);
      case "CronJob" -> object.node().at("/spec/suspend").asBoolean(false);
      default -> false;
    };
  }

  /** The worse of two statuses in Argo CD's order. */
  static String worst(String a, String b) {
    return ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a;
  }
}
