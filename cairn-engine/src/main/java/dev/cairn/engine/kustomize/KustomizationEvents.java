package dev.cairn.engine.kustomize;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.apply.Action;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ChangeSetEntry;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.RunOutcome;
import java.util.stream.Collectors;

/**
 * Decides which events a run is worth: a Normal event when objects were created, configured or
 * deleted (listing them, as Flux does), and a Warning event when the run failed with a message
 * different from the previous Ready message. A steady state writes no event.
 */
final class KustomizationEvents {
  private final EventRecorder recorder;

  KustomizationEvents(EventRecorder recorder) {
    this.recorder = recorder;
  }

  void afterRun(KustomizationRun run, RunOutcome outcome, KustomizationStatus before) {
    String revision = run.artifact() == null ? null : run.artifact().revision();
    ChangeSet changes = run.applied().plus(run.pruned());
    if (changes.hasChanges()) {
      recorder.record(
          run.object(),
          EventRecorder.NORMAL,
          ConditionReasons.RECONCILIATION_SUCCEEDED,
          describe(changes),
          revision);
    }
    ReconcileException error = outcome.error();
    if (error != null && EventRecorder.isNewFailure(error, before)) {
      recorder.record(
          run.object(), EventRecorder.WARNING, error.reason(), error.getMessage(), revision);
    }
  }

  /** One line per changed object: {@code Deployment/apps/web configured}. */
  static String describe(ChangeSet changes) {
    return changes.entries().stream()
        .filter(
            e ->
                e.action() == Action.CREATED
                    || e.action() == Action.CONFIGURED
                    || e.action() == Action.DELETED)
        .map(KustomizationEvents::line)
        .collect(Collectors.joining("\n"));
  }

  private static String line(ChangeSetEntry entry) {
    String ns = entry.id().namespace();
    return entry.id().kind()
        + "/"
        + (ns == null || ns.isEmpty() ? "" : ns + "/")
        + entry.id().name()
        + " "
        + entry.action().name().toLowerCase();
  }
}
