package dev.cairn.apply;

import dev.cairn.health.Health;
import dev.cairn.health.HealthChecks;
import dev.cairn.manifest.KubeObject;

/**
 * Tells the health of one live object. {@link #defaults()} is the health module's per-kind checks;
 * callers with CEL expressions pass {@code HealthChecks.withExpressions(...)::check}.
 */
@FunctionalInterface
public interface HealthProbe {

  /** The health of {@code live}, with a message a person can act on. */
  Health check(KubeObject live);

  /** {@link HealthChecks#defaults()}. */
  static HealthProbe defaults() {
    return HealthChecks.defaults()::check;
  }
}
