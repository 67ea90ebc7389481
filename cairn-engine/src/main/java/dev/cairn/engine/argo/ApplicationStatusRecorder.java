package dev.cairn.engine.argo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.argo.AppHealthStatus;
import dev.cairn.api.argo.AppSyncStatus;
import dev.cairn.api.argo.ApplicationSpec;
import dev.cairn.api.argo.ApplicationStatus;
import dev.cairn.api.argo.ApplicationSummary;
import dev.cairn.api.argo.ComparedTo;
import dev.cairn.api.argo.OperationInitiator;
import dev.cairn.api.argo.OperationState;
import dev.cairn.api.argo.RevisionHistory;
import dev.cairn.api.argo.SyncOperationResult;
import dev.cairn.engine.RunOutcome;
import dev.cairn.manifest.KubeObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Writes what a run found into the status in Argo CD's shape: {@code sync} (status, comparedTo,
 * revision or revisions), {@code health}, {@code resources}, {@code sourceType(s)}, {@code
 * summary.images}, and after a sync {@code operationState} (phase, message, syncResult, times;
 * {@code Running} with {@code retryCount} while a retry of a failed sync is pending), one more
 * {@code history} entry on success (capped by {@code revisionHistoryLimit}; not for a dry run nor a
 * sync of some resources, as in Argo CD) and {@code reconciledAt}. A run that only compares and
 * finds nothing new leaves the status as it was.
 */
final class ApplicationStatusRecorder {
  private final SyncResults results = new SyncResults();

  void record(ApplicationRun run, RunOutcome outcome) {
    ApplicationStatus status = run.status();
    ApplicationSpec spec = run.spec();
    boolean multi = spec.multiSource();
    List<String> revisions = run.revisions();
    if (run.syncStatus() != null) {
      AppSyncStatus before = status.getSync();
      AppSyncStatus sync =
          new AppSyncStatus(
              run.syncStatus(),
              new ComparedTo(
                  multi ? null : spec.source(),
                  multi ? spec.sources() : null,
                  spec.destination(),
                  spec.ignoreDifferences()),
              multi || revisions.isEmpty() ? null : revisions.get(0),
              multi ? revisions : null);
      status.setSync(sync);
      AppHealthStatus previous = status.getHealth();
      String since =
          previous != null && run.healthStatus().equals(previous.status())
              ? previous.lastTransitionTime()
              : run.clock().instant().toString();
      status.setHealth(new AppHealthStatus(run.healthStatus(), null, since));
      status.setResources(run.resources());
      if (!sync.equals(before) || run.syncAttempted()) {
        status.setReconciledAt(run.clock().instant().toString());
      }
    }
    if (!run.sourceTypes().isEmpty()) {
      status.setSourceType(multi ? null : run.sourceTypes().get(0));
      status.setSourceTypes(multi ? run.sourceTypes() : null);
      status.setSummary(new ApplicationSummary(null, images(run.desired())));
    }
    if (run.syncAttempted()) {
      recordOperation(run, outcome, multi, revisions);
    }
  }

  private void recordOperation(
      ApplicationRun run, RunOutcome outcome, boolean multi, List<String> revisions) {
    ApplicationStatus status = run.status();
    ApplicationSpec spec = run.spec();
    Instant finished = run.clock().instant();
    boolean succeeded = run.syncSucceeded();
    OperationInitiator initiator =
        run.decision().automated()
            ? new OperationInitiator(null, true)
            : new OperationInitiator(run.decision().initiator(), null);
    SyncOperationResult result =
        new SyncOperationResult(
            results.of(run),
            multi || revisions.isEmpty() ? null : revisions.get(0),
            multi ? revisions : null,
            multi ? null : spec.source(),
            multi ? spec.sources() : null);
    String phase =
        succeeded
            ? OperationState.SUCCEEDED
            : run.retryAt() != null ? OperationState.RUNNING : OperationState.FAILED;
    long retries = run.retryAt() != null ? run.retriesSoFar() + 1 : run.retriesSoFar();
    status.setOperationState(
        new OperationState(
            run.decision().automated() ? null : run.object().getOperation(),
            phase,
            run.syncMessage(),
            result,
            run.syncStarted().toString(),
            finished.toString(),
            retries > 0 ? retries : null));
    if (succeeded && run.synced() && !run.partial()) {
      List<RevisionHistory> history =
          new ArrayList<>(status.getHistory() == null ? List.of() : status.getHistory());
      long id =
          history.isEmpty()
              ? 0
              : Objects.requireNonNullElse(history.get(history.size() - 1).id(), 0L) + 1;
      history.add(
          new RevisionHistory(
              id,
              multi || revisions.isEmpty() ? null : revisions.get(0),
              multi ? revisions : null,
              finished.toString(),
              run.syncStarted().toString(),
              multi ? null : spec.source(),
              multi ? spec.sources() : null,
              initiator));
      long limit = spec.effectiveRevisionHistoryLimit();
      while (history.size() > limit && !history.isEmpty()) {
        history.remove(0);
      }
      status.setHistory(history);
    }
  }

  /** The container images of the desired workloads, sorted, as Argo CD's summary lists them. */
  static List<String> images(List<KubeObject> objects) {
    TreeSet<String> images = new TreeSet<>();
    for (KubeObject object : objects) {
      collect(object.node(), images);
    }
    return images.isEmpty() ? null : List.copyOf(images);
  }

  private static void collect(JsonNode node, TreeSet<String> images) {
    if (node.isObject()) {
      for (String list : List.of("containers", "initContainers")) {
        JsonNode containers = node.get(list);
        if (containers != null && containers.isArray()) {
          containers.forEach(
              c -> {
                if (c.path("image").isTextual()) {
                  images.add(c.get("image").asText());
                }
              });
        }
      }
      node.fields().forEachRemaining(e -> collect(e.getValue(), images));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, images));
    }
  }
}
