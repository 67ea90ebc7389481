package dev.cairn.server;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the probe endpoints ask the running process.
 *
 * @param ready true when {@code /readyz} should answer 200
 * @param metrics the Prometheus text exposition served at {@code /metrics}
 */
public record Probes(BooleanSupplier ready, Supplier<String> metrics) {
  public Probes {
    Objects.requireNonNull(ready, "ready");
    Objects.requireNonNull(metrics, "metrics");
  }
}
