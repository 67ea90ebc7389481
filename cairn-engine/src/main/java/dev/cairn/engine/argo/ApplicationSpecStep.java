package dev.cairn.engine.argo;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.argo.ApplicationSource;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Step {@code checkSpec}: an Application needs a source (or sources) with a {@code repoURL}, and
 * each of its {@code syncOptions} must be one Cairn acts on ({@link
 * ApplicationRefusals#SYNC_OPTIONS}); otherwise the run stalls naming the value, with Argo CD's
 * {@code InvalidSpecError} condition.
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
    List<String> accepted = Arrays.asList(ApplicationRefusals.SYNC_OPTIONS);
    for (String option : run.spec().syncOptions()) {
      if (!accepted.contains(option.strip())) {
        stall(
            run,
            "spec.syncPolicy.syncOptions: '"
                + option
                + "' is not supported by this version of Cairn (accepted: "
                + String.join(", ", new TreeSet<>(accepted))
                + ")");
      }
    }
    return StepResult.proceed();
  }

  private static void stall(ApplicationRun run, String message) {
    run.own(
        OwnedCondition.isTrue(
            ArgoReasons.INVALID_SPEC_ERROR, ConditionReasons.INVALID_SPEC, message));
    throw new ReconcileException.Stalled(ConditionReasons.INVALID_SPEC, message);
  }
}
