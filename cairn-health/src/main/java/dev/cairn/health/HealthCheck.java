package dev.cairn.health;

import dev.cairn.manifest.KubeObject;

/**
 * Decides the health of one object from its live state. Implementations are pure and thread-safe;
 * they never throw for malformed status, they answer {@link HealthStatus#UNKNOWN} or {@link
 * HealthStatus#IN_PROGRESS} instead.
 */
@FunctionalInterface
public interface HealthCheck {
  Health check(KubeObject object);
}
