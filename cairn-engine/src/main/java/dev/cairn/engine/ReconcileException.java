package dev.cairn.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a reconciliation stopped early, typed by what happens next. The {@link StatusSummarizer} is
 * the one place that maps these to conditions and a requeue time.
 *
 * <ul>
 *   <li>{@link Stalled}: needs a person; no retry until the object changes.
 *   <li>{@link Waiting}: not an error; something else must happen first, look again after {@code
 *       after}.
 *   <li>{@link Failed}: an error; retry after the retry interval.
 * </ul>
 *
 * Messages say what and where and never carry secret values.
 */
public abstract sealed class ReconcileException extends RuntimeException
    permits ReconcileException.Stalled, ReconcileException.Waiting, ReconcileException.Failed {
  private static final long serialVersionUID = 1L;

  private final String reason;

  private ReconcileException(String reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The condition reason, spelled as Flux spells it (e.g. {@code DependencyNotReady}). */
  public String reason() {
    return reason;
  }

  /** Needs a person to change something; no retry. */
  public static final class Stalled extends ReconcileException {
    private static final long serialVersionUID = 1L;

    public Stalled(String reason, String message) {
      super(reason, message, null);
    }
  }

  /** Not an error: something must happen first; look again after {@link #after()}. */
  public static final class Waiting extends ReconcileException {
    private static final long serialVersionUID = 1L;
    private final transient Duration after;

    public Waiting(String reason, String message, Duration after) {
      super(reason, message, null);
      this.after = Objects.requireNonNull(after, "after");
    }

    public Duration after() {
      return after;
    }
  }

  /** An error: retry with backoff (the retry interval). */
  public static final class Failed extends ReconcileException {
    private static final long serialVersionUID = 1L;

    public Failed(String reason, String message) {
      super(reason, message, null);
    }

    public Failed(String reason, String message, Throwable cause) {
      super(reason, message, cause);
    }
  }
}
