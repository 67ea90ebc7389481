package dev.cairn.engine.argo;

import dev.cairn.api.argo.ResourceResult;
import dev.cairn.apply.Action;
import dev.cairn.apply.ChangeSetEntry;
import dev.cairn.manifest.ObjectId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code operationState.syncResult.resources}: what the sync did to each object, in Argo CD's words
 * ({@code Synced} with {@code created}/{@code configured}/{@code unchanged}, {@code SyncFailed},
 * {@code Pruned}, {@code PruneSkipped}), hooks with their type and phase.
 */
final class SyncResults {
  List<ResourceResult> of(ApplicationRun run) {
    List<ResourceResult> out = new ArrayList<>();
    for (ChangeSetEntry entry : run.applied().entries()) {
      String status = entry.failed() ? "SyncFailed" : "Synced";
      String message =
          entry.failed()
              ? entry.error()
              : entry.id().kind().toLowerCase()
                  + "/"
                  + entry.id().name()
                  + " "
                  + entry.action().name().toLowerCase()
                  + (run.dryRun() ? " (dry run)" : "");
      out.add(result(entry.id(), status, message, null, null, "Sync"));
    }
    for (ChangeSetEntry entry : run.pruned().entries()) {
      String status = entry.action() == Action.DELETED ? "Pruned" : "PruneSkipped";
      out.add(
          result(
              entry.id(), status, entry.failed() ? entry.error() : "pruned", null, null, "Sync"));
    }
    for (SyncTask hook : run.hooksRun()) {
      out.add(
          result(
              hook.object().id(),
              "Synced",
              null,
              hook.hookType(),
              run.syncFailure() == null ? "Succeeded" : "Failed",
              hook.phase()));
    }
    return out;
  }

  private static ResourceResult result(
      ObjectId id, String status, String message, String hookType, String hookPhase, String phase) {
    return new ResourceResult(
        id.group(),
        id.version(),
        id.kind(),
        id.namespace(),
        id.name(),
        status,
        message,
        hookType,
        hookPhase,
        phase);
  }
}
