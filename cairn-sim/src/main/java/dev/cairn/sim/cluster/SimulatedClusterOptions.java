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
 * @param tls when set, the API server answers over HTTPS with this certificate; null: plain HTTP
 */
public record SimulatedClusterOptions(
    Duration readinessDelay, boolean readinessEnabled, ObjectValidator validator, ServingTls tls) {

  public SimulatedClusterOptions {
    Objects.requireNonNull(readinessDelay, "readinessDelay");
    Objects.requireNonNull(validator, "validator");
    if (readinessDelay.isNegative()) {
      throw new IllegalArgumentException("readinessDelay must not be negative: " + readinessDelay);
    }
  }

  /** Readiness after 200 ms, every custom resource accepted. */
  public static SimulatedClusterOptions defaults() {
    return new SimulatedClusterOptions(
        Duration.ofMillis(200), true, new SchemaObjectValidator(), null);
  }

  public SimulatedClusterOptions withReadinessDelay(Duration readinessDelay) {
    return new SimulatedClusterOptions(readinessDelay, readinessEnabled, validator, tls);
  }

  public SimulatedClusterOptions withReadinessEnabled(boolean readinessEnabled) {
    return new SimulatedClusterOptions(readinessDelay, readinessEnabled, validator, tls);
  }

  public SimulatedClusterOptions withValidator(ObjectValidator validator) {
    return new SimulatedClusterOptions(readinessDelay, readinessEnabled, validator, tls);
  }

  /** Serve HTTPS with {@code value}; null: plain HTTP. */
  public SimulatedClusterOptions withTls(ServingTls value) {
    return new SimulatedClusterOptions(readinessDelay, readinessEnabled, validator, value);
  }
}
