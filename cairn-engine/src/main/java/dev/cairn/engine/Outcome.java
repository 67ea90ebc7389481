package dev.cairn.engine;

/**
 * How a reconciliation ended, typed, so that the controller's requeue and backoff read a value and
 * never a condition reason.
 *
 * <ul>
 *   <li>{@link #SUCCEEDED}: every step proceeded; run again at the interval.
 *   <li>{@link #WAITING}: something else must happen first (a dependency, an artifact); not an
 *       error, no backoff.
 *   <li>{@link #FAILED}: an error; retried with backoff.
 *   <li>{@link #STALLED}: needs a person; not retried until the object changes.
 *   <li>{@link #SKIPPED}: the run left the status alone (suspended, input not arrived, deleted).
 * </ul>
 */
public enum Outcome {
  SUCCEEDED,
  WAITING,
  FAILED,
  STALLED,
  SKIPPED;

  /** The outcome of a run that ended with {@code error}. */
  static Outcome of(ReconcileException error) {
    if (error instanceof ReconcileException.Stalled) {
      return STALLED;
    }
    return error instanceof ReconcileException.Waiting ? WAITING : FAILED;
  }
}
