package dev.cairn.engine;

import java.time.Duration;

/**
 * How the steps of a run ended: all proceeded, one asked for an early requeue, one skipped the run
 * (suspended), or one threw.
 *
 * @param lastStep the name of the step that ended the run (the last one when all proceeded)
 * @param result the last step's result, null when it threw
 * @param error what the step threw, null when none did
 */
public record RunOutcome(String lastStep, StepResult result, ReconcileException error) {

  public boolean succeeded() {
    return outcome() == Outcome.SUCCEEDED;
  }

  public boolean skipped() {
    return outcome() == Outcome.SKIPPED;
  }

  /** The typed outcome. */
  public Outcome outcome() {
    if (error != null) {
      return Outcome.of(error);
    }
    return result != null && result.kind() == StepResult.Kind.SKIP
        ? Outcome.SKIPPED
        : Outcome.SUCCEEDED;
  }

  /** The requeue a step asked for, or null. */
  public Duration requestedRequeue() {
    return result != null && result.kind() == StepResult.Kind.REQUEUE
        ? result.requeueAfter()
        : null;
  }
}
