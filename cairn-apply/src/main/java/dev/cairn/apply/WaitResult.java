package dev.cairn.apply;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a wait for health ended.
 *
 * @param outcome all healthy, one failed, or the time ran out
 * @param notReady the objects that were not Current when the wait ended, with why
 * @param message one line for a condition: empty when healthy, else names each object not ready
 */
public record WaitResult(Outcome outcome, List<ObjectHealth> notReady, String message) {

  public enum Outcome {
    HEALTHY,
    FAILED,
    TIMED_OUT
  }

  public WaitResult {
    notReady = List.copyOf(notReady);
  }

  public boolean healthy() {
    return outcome == Outcome.HEALTHY;
  }

  static WaitResult of(Outcome outcome, List<ObjectHealth> notReady, String prefix) {
    String message =
        outcome == Outcome.HEALTHY
            ? ""
            : prefix
                + notReady.stream().map(ObjectHealth::toString).collect(Collectors.joining("; "));
    return new WaitResult(outcome, notReady, message);
  }
}
