package dev.cairn.engine.kustomize;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.FluxDuration;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import java.time.Duration;

/** Parses spec durations; a bad one needs a person, so it stalls the run. */
final class KustomizationSpecStep {
  private KustomizationSpecStep() {}

  /** The duration, or null when absent or malformed ({@link #validate} reports the latter). */
  static Duration orNull(String text) {
    return FluxDuration.parseOrNull(text);
  }

  /** Step {@code checkSpec}: stalls on a malformed duration. */
  static StepResult checkSpec(KustomizationRun run) {
    parse(run.spec().interval(), "spec.interval");
    if (run.spec().retryInterval() != null) {
      parse(run.spec().retryInterval(), "spec.retryInterval");
    }
    if (run.spec().timeout() != null) {
      parse(run.spec().timeout(), "spec.timeout");
    }
    return StepResult.proceed();
  }

  static Duration parse(String text, String field) {
    try {
      return FluxDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC, field + ": " + e.getMessage());
    }
  }
}
