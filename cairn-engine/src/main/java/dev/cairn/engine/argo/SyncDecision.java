package dev.cairn.engine.argo;

import dev.cairn.api.argo.AppOperation;
import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationStatus;
import dev.cairn.api.argo.OperationInitiator;
import dev.cairn.api.argo.OperationState;
import dev.cairn.api.argo.SyncPolicyAutomated;
import java.util.List;
import java.util.Objects;

/**
 * Whether a run syncs, as Argo CD's controller decides: a requested {@code operation} always syncs;
 * with {@code syncPolicy.automated}, a new revision or spec (generation) syncs, and with {@code
 * selfHeal} any run does (so drift is corrected); otherwise the run only compares. Pure.
 */
record SyncDecision(boolean sync, boolean prune, String initiator) {

  static SyncDecision of(Application app, ApplicationStatus status, List<String> revisions) {
    AppOperation operation = app.getOperation();
    if (operation != null && operation.sync() != null) {
      boolean prune = Boolean.TRUE.equals(operation.sync().prune());
      OperationInitiator by =
          operation.initiatedBy() != null
              ? operation.initiatedBy()
              : operation.sync().initiatedBy();
      String user = by == null || by.username() == null ? "cairn" : by.username();
      return new SyncDecision(true, prune, user);
    }
    SyncPolicyAutomated automated = app.getSpec().automated();
    if (automated == null) {
      return new SyncDecision(false, false, null);
    }
    boolean prune = Boolean.TRUE.equals(automated.prune());
    if (Boolean.TRUE.equals(automated.selfHeal()) || changedSinceLastSync(app, status, revisions)) {
      return new SyncDecision(true, prune, null);
    }
    return new SyncDecision(false, prune, null);
  }

  private static boolean changedSinceLastSync(
      Application app, ApplicationStatus status, List<String> revisions) {
    OperationState last = status.getOperationState();
    if (last == null
        || last.syncResult() == null
        || !OperationState.SUCCEEDED.equals(last.phase())) {
      return true;
    }
    List<String> synced =
        last.syncResult().revisions() != null
            ? last.syncResult().revisions()
            : List.of(Objects.toString(last.syncResult().revision(), ""));
    Long generation = app.getMetadata().getGeneration();
    return !synced.equals(revisions) || !Objects.equals(generation, status.getObservedGeneration());
  }

  boolean automated() {
    return initiator == null;
  }
}
