package dev.cairn.engine.argo;

import dev.cairn.api.argo.AppOperation;
import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationSpec;
import dev.cairn.api.argo.ApplicationStatus;
import dev.cairn.api.argo.OperationInitiator;
import dev.cairn.api.argo.OperationState;
import dev.cairn.api.argo.SyncOperationResult;
import dev.cairn.api.argo.SyncPolicyAutomated;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Whether a run syncs, as Argo CD's controller decides: a requested {@code operation} always syncs;
 * with {@code syncPolicy.automated}, a new revision or spec (generation) syncs, and with {@code
 * selfHeal} any run does (so drift is corrected; {@code onDrift} says that only self-heal asked for
 * it); otherwise the run only compares. With {@code syncPolicy.retry}, a failed sync of the same
 * revisions and sources is attempted again only when its retry is due ({@code retryAt} says when
 * one is pending), and not at all once the limit is reached, until the revision or source changes.
 * Pure.
 */
record SyncDecision(
    boolean sync, boolean prune, String initiator, boolean onDrift, Instant retryAt) {

  static SyncDecision of(
      Application app, ApplicationStatus status, List<String> revisions, Instant now) {
    AppOperation operation = app.getOperation();
    if (operation != null && operation.sync() != null) {
      boolean prune = Boolean.TRUE.equals(operation.sync().prune());
      OperationInitiator by =
          operation.initiatedBy() != null
              ? operation.initiatedBy()
              : operation.sync().initiatedBy();
      String user = by == null || by.username() == null ? "cairn" : by.username();
      return new SyncDecision(true, prune, user, false, null);
    }
    SyncPolicyAutomated automated = app.getSpec().automated();
    if (automated == null) {
      return new SyncDecision(false, false, null, false, null);
    }
    boolean prune = Boolean.TRUE.equals(automated.prune());
    SyncRetryPolicy retry = retryPolicy(app.getSpec());
    OperationState last = status.getOperationState();
    if (retry != null && last != null && attempted(app.getSpec(), last, revisions)) {
      if (OperationState.RUNNING.equals(last.phase()) && last.retryCount() != null) {
        Instant due = Instant.parse(last.finishedAt()).plus(retry.delay(last.retryCount()));
        return now.isBefore(due)
            ? new SyncDecision(false, prune, null, false, due)
            : new SyncDecision(true, prune, null, false, null);
      }
      if (OperationState.FAILED.equals(last.phase())) {
        // Argo CD does not attempt a failed revision again once its retries are spent.
        return new SyncDecision(false, prune, null, false, null);
      }
    }
    if (changedSinceLastSync(app, status, revisions)) {
      return new SyncDecision(true, prune, null, false, null);
    }
    if (Boolean.TRUE.equals(automated.selfHeal())) {
      return new SyncDecision(true, prune, null, true, null);
    }
    return new SyncDecision(false, prune, null, false, null);
  }

  static SyncRetryPolicy retryPolicy(ApplicationSpec spec) {
    return spec.syncPolicy() == null ? null : SyncRetryPolicy.of(spec.syncPolicy().retry());
  }

  /** The retries so far of the operation this run continues, 0 for a new one. */
  static long retriesSoFar(ApplicationSpec spec, OperationState last, List<String> revisions) {
    if (last != null
        && OperationState.RUNNING.equals(last.phase())
        && last.retryCount() != null
        && attempted(spec, last, revisions)) {
      return last.retryCount();
    }
    return 0;
  }

  /** Whether {@code last} was a sync of these revisions and the spec's sources. */
  private static boolean attempted(
      ApplicationSpec spec, OperationState last, List<String> revisions) {
    SyncOperationResult result = last.syncResult();
    if (result == null) {
      return false;
    }
    return revisions.equals(syncedRevisions(result))
        && Objects.equals(result.source(), spec.multiSource() ? null : spec.source())
        && Objects.equals(result.sources(), spec.multiSource() ? spec.sources() : null);
  }

  private static List<String> syncedRevisions(SyncOperationResult result) {
    return result.revisions() != null
        ? result.revisions()
        : List.of(Objects.toString(result.revision(), ""));
  }

  private static boolean changedSinceLastSync(
      Application app, ApplicationStatus status, List<String> revisions) {
    OperationState last = status.getOperationState();
    if (last == null
        || last.syncResult() == null
        || !OperationState.SUCCEEDED.equals(last.phase())) {
      return true;
    }
    Long generation = app.getMetadata().getGeneration();
    return !syncedRevisions(last.syncResult()).equals(revisions)
        || !Objects.equals(generation, status.getObservedGeneration());
  }

  /** The same decision, but no sync: self-heal found nothing out of sync. */
  SyncDecision withoutSync() {
    return new SyncDecision(false, prune, initiator, false, null);
  }

  boolean automated() {
    return initiator == null;
  }
}
