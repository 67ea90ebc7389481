package dev.cairn.engine;

import java.time.Duration;

/**
 * What a reconciler hands back to its adapter: when to run again and the status to write.
 *
 * @param requeueAfter when to reconcile again; null means only on the next change (stalled or
 *     suspended)
 * @param status the finished status to patch (once)
 * @param patchStatus false when the run must leave the status as it was (suspended)
 */
public record ReconcileResult<S>(Duration requeueAfter, S status, boolean patchStatus) {

  public boolean requeue() {
    return requeueAfter != null;
  }
}
