package dev.cairn.server;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the probe endpoints ask the running process.
 *
 * @param ready true when {@code /readyz} should answer 200
 * @param metrics the Prometheus text exposition served at {@code /metrics}
 * @param certificate the active SealedSecret certificate (PEM) served at {@code /v1/cert.pem};
 *     empty answers 404
 */
public record Probes(
    BooleanSupplier ready, Supplier<String> metrics, Supplier<Optional<String>> certificate) {
  public Probes {
    Objects.requireNonNull(ready, "ready");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(certificate, "certificate");
  }

  /** Probes without a sealing certificate ({@code /v1/cert.pem} answers 404). */
  public Probes(BooleanSupplier ready, Supplier<String> metrics) {
    this(ready, metrics, Optional::empty);
  }
}
