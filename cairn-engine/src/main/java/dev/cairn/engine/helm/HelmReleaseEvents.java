package dev.cairn.engine.helm;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.Conditions;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.RunOutcome;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.Objects;

/**
 * At most one Normal event per run (a release action that succeeded, drift corrected), a Warning
 * for drift in warn mode, and a Warning when the run failed with a message different from the
 * previous Ready message. A steady state writes none.
 */
final class HelmReleaseEvents {
  private final EventRecorder recorder;

  HelmReleaseEvents(EventRecorder recorder) {
    this.recorder = recorder;
  }

  void afterRun(HelmReleaseRun run, RunOutcome outcome, HelmReleaseStatus before) {
    String revision = run.artifact() == null ? null : run.artifact().revision();
    if (run.event() != null) {
      recorder.record(run.object(), EventRecorder.NORMAL, reasonOf(run), run.event(), revision);
    }
    if (run.warning() != null) {
      recorder.record(
          run.object(), EventRecorder.WARNING, "DriftDetected", run.warning(), revision);
    }
    ReconcileException error = outcome.error();
    if (error == null || error instanceof ReconcileException.Waiting) {
      return;
    }
    String previous =
        Conditions.find(before, ConditionTypes.READY).map(Condition::getMessage).orElse(null);
    if (!Objects.equals(previous, error.getMessage())) {
      recorder.record(
          run.object(), EventRecorder.WARNING, error.reason(), error.getMessage(), revision);
    }
  }

  private static String reasonOf(HelmReleaseRun run) {
    var released = run.ownedConditions().get(ConditionTypes.RELEASED);
    return released != null && released.reason() != null ? released.reason() : "DriftCorrected";
  }
}
