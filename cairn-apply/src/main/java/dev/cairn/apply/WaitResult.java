package dev.cairn.apply;

import dev.cairn.health.ObjectHealth;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a wait for health ended.
 *
 * @param outcome all healthy, one failed, the time ran out, or the caller cancelled the wait
 * @param notReady the objects that were not Current when the wait ended, with why
 * @param message empty when healthy, else one line naming each object not ready and why, e.g.
 *     {@code timed out after 30s waiting for: Deployment/apps/web: 1 of 3 replicas available}
 */
public record WaitResult(Outcome outcome, List<ObjectHealth> notReady, String message) {

  public enum Outcome {
    HEALTHY,
    FAILED,
    TIMED_OUT,
    /** The caller's cancellation hook said stop before the objects were all Current. */
    CANCELLED
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
                + notReady.stream().map(WaitResult::describe).collect(Collectors.joining("; "));
    return new WaitResult(outcome, notReady, message);
  }

  private static String describe(ObjectHealth health) {
    String why = health.health().message();
    return health.id() + ": " + (why.isEmpty() ? health.health().status().displayName() : why);
  }
}
