package dev.cairn.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * What a reconciler hands back to its adapter: how the run ended, when to run again and the status
 * it wrote.
 *
 * @param outcome how the run ended; backoff and requeue read this, never a condition reason
 * @param requeueAfter when to reconcile again; null means only on the next change (stalled,
 *     suspended, deleted)
 * @param status the finished status (written once when {@code patchStatus})
 * @param patchStatus false when the run left the status as it was (suspended, deferred, deleted)
 */
public record ReconcileResult<S>(
    Outcome outcome, Duration requeueAfter, S status, boolean patchStatus) {

  public ReconcileResult {
    Objects.requireNonNull(outcome, "outcome");
  }

  public boolean requeue() {
    return requeueAfter != null;
  }

  /** A run that left the status alone. */
  public static <S> ReconcileResult<S> untouched(Outcome outcome, Duration requeueAfter, S status) {
    return new ReconcileResult<>(outcome, requeueAfter, status, false);
  }
}
