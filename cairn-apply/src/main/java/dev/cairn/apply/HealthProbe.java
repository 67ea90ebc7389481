package dev.cairn.apply;

import dev.cairn.manifest.KubeObject;

/**
 * Tells the health of one live object. The apply engine's own port, so that the health module can
 * be plugged in without the engine depending on its types.
 */
@FunctionalInterface
public interface HealthProbe {

  /** The health of {@code live}, with a message a person can act on. */
  Result check(KubeObject live);

  /** A state and a message such as {@code "1 of 3 replicas available"}. */
  record Result(HealthState state, String message) {
    public static Result current() {
      return new Result(HealthState.CURRENT, "");
    }
  }
}
