package dev.cairn.sim.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SimulatedCluster} behaves.
 *
 * @param readinessDelay how long after a workload's spec changes the readiness simulator reports it
 *     ready (or failing)
 * @param readinessEnabled whether the readiness simulator runs at all
 * @param validator validates custom resources against their CRD schema (422 on failure)
 */
public record SimulatedClusterOptions(
    Duration readinessDelay, boolean readinessEnabled, ObjectValidator validator) {

  public SimulatedClusterOptions {
    Objects.requireNonNull(readinessDelay, "readinessDelay");
    Objects.requireNonNull(validator, "validator");
    if (readinessDelay.isNegative()) {
      throw new IllegalArgumentException("readinessDelay must not be negative: " + readinessDelay);
    }
  }

  /** Readiness after 200 ms, every custom resource accepted. */
  public static SimulatedClusterOptions defaults() {
    return new SimulatedClusterOptions(Duration.ofMillis(200), true, new SchemaObjectValidator());
  }

  public SimulatedClusterOptions withReadinessDelay(Duration readinessDelay) {
    return new SimulatedClusterOptions(readinessDelay, readinessEnabled, validator);
  }

  public SimulatedClusterOptions withReadinessEnabled(boolean readinessEnabled) {
    return new SimulatedClusterOptions(readinessDelay, readinessEnabled, validator);
  }

  public SimulatedClusterOptions withValidator(ObjectValidator validator) {
    return new SimulatedClusterOptions(readinessDelay, readinessEnabled, validator);
  }
}
