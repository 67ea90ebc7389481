package dev.cairn.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * What a step tells the {@link StepRunner}: go on with the next step, end the run now and look
 * again after a while, or end the run leaving the status as it was (a suspended object, or one
 * whose input has not arrived yet: {@link #defer}).
 */
public record StepResult(Kind kind, Duration requeueAfter, String message) {

  /** The three ways a step can end without throwing. */
  public enum Kind {
    PROCEED,
    REQUEUE,
    SKIP
  }

  public StepResult {
    Objects.requireNonNull(kind, "kind");
    message = message == null ? "" : message;
  }

  private static final StepResult PROCEED = new StepResult(Kind.PROCEED, null, "");

  public static StepResult proceed() {
    return PROCEED;
  }

  /** Ends the run successfully so far and asks to be called again after {@code after}. */
  public static StepResult requeueAfter(Duration after) {
    return new StepResult(Kind.REQUEUE, Objects.requireNonNull(after, "after"), "");
  }

  /** Ends the run without touching the status (e.g. {@code suspend: true}). */
  public static StepResult skip(String why) {
    return new StepResult(Kind.SKIP, null, why);
  }

  /** Ends the run without touching the status and asks to be called again after {@code after}. */
  public static StepResult defer(Duration after, String why) {
    return new StepResult(Kind.SKIP, Objects.requireNonNull(after, "after"), why);
  }
}
