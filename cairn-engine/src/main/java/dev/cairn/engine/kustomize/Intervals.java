package dev.cairn.engine.kustomize;

import dev.cairn.api.FluxDuration;
import dev.cairn.engine.ReconcileException;
import java.time.Duration;

/** Parses spec durations; a bad one needs a person, so it stalls the run. */
final class Intervals {
  static final String INVALID_SPEC = "InvalidSpec";

  private Intervals() {}

  /** The duration, or null when absent or malformed ({@link #validate} reports the latter). */
  static Duration orNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return FluxDuration.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Step {@code checkSpec}: stalls on a malformed duration. */
  static dev.cairn.engine.StepResult validate(KustomizationRun run) {
    parse(run.spec().interval(), "spec.interval");
    if (run.spec().retryInterval() != null) {
      parse(run.spec().retryInterval(), "spec.retryInterval");
    }
    if (run.spec().timeout() != null) {
      parse(run.spec().timeout(), "spec.timeout");
    }
    return dev.cairn.engine.StepResult.proceed();
  }

  static Duration parse(String text, String field) {
    try {
      return FluxDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ReconcileException.Stalled(INVALID_SPEC, field + ": " + e.getMessage());
    }
  }
}
