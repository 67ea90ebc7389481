package dev.cairn.engine.argo;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.argo.AppOperation;
import dev.cairn.api.argo.ApplicationSource;
import dev.cairn.api.argo.SyncOperation;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Step {@code checkSpec}: an Application needs a source (or sources) with a {@code repoURL}, and
 * each of its {@code syncOptions} must be one Cairn acts on ({@link
 * ApplicationRefusals#SYNC_OPTIONS}), as must those of a requested sync ({@code
 * operation.sync.syncOptions}; {@code operation.retry} is refused); otherwise the run stalls naming
 * the value, with Argo CD's {@code InvalidSpecError} condition.
 */
final class ApplicationSpecStep {
  private ApplicationSpecStep() {}

  static StepResult checkSpec(ApplicationRun run) {
    List<ApplicationSource> sources = run.spec().effectiveSources();
    if (sources.isEmpty()) {
      stall(run, "spec.source or spec.sources must be set");
    }
    for (ApplicationSource source : sources) {
      if (source.repoURL() == null || source.repoURL().isBlank()) {
        stall(run, "spec.source.repoURL must be set");
      }
    }
    try {
      run.ignoreRules().check();
      SyncDecision.retryPolicy(run.spec());
    } catch (IllegalArgumentException e) {
      stall(run, e.getMessage());
    }
    checkSyncOptions(run, "spec.syncPolicy.syncOptions", run.spec().syncOptions());
    checkOperation(run);
    return StepResult.proceed();
  }

  /**
   * A requested operation: its sync options must be accepted ones, and its {@code retry} is refused
   * as {@code spec.syncPolicy.retry} is.
   */
  private static void checkOperation(ApplicationRun run) {
    AppOperation operation = run.object().getOperation();
    if (operation == null) {
      return;
    }
    if (operation.retry() != null) {
      stall(
          run,
          "operation.retry is not supported by this version of Cairn: a failed sync is not"
              + " retried; request the sync again");
    }
    SyncOperation sync = operation.sync();
    if (sync != null && sync.syncOptions() != null) {
      checkSyncOptions(run, "operation.sync.syncOptions", sync.syncOptions());
    }
  }

  private static void checkSyncOptions(ApplicationRun run, String field, List<String> options) {
    List<String> accepted = Arrays.asList(ApplicationRefusals.SYNC_OPTIONS);
    for (String option : options) {
      if (!accepted.contains(option.strip())) {
        stall(
            run,
            field
                + ": '"
                + option
                + "' is not supported by this version of Cairn (accepted: "
                + String.join(", ", new TreeSet<>(accepted))
                + ")");
      }
    }
  }

  private static void stall(ApplicationRun run, String message) {
    run.own(
        OwnedCondition.isTrue(
            ArgoReasons.INVALID_SPEC_ERROR, ConditionReasons.INVALID_SPEC, message));
    throw new ReconcileException.Stalled(ConditionReasons.INVALID_SPEC, message);
  }
}
