package dev.cairn.engine.argo;

import dev.cairn.api.ConditionReasons;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.DeletePropagation;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Step {@code prune}: after a sync with {@code prune} ({@code syncPolicy.automated.prune}, or the
 * requested operation's), deletes what the last sync left and the new set lacks (only objects that
 * still carry the tracking label; objects annotated {@code argocd.argoproj.io/sync-options:
 * Prune=false} are kept). {@code syncOptions: [Prune=false]} turns pruning off for the whole
 * Application; what is not pruned shows as {@code requiresPruning}. A sync of some resources prunes
 * nothing (the resources it names are all in the new set). {@code PrunePropagationPolicy} says what
 * happens to the dependents of a pruned object.
 */
final class ApplicationPruneStep {
  private final ResourceManager manager;
  private final ApplyOptions base;

  ApplicationPruneStep(ResourceManager manager, ApplyOptions base) {
    this.manager = manager;
    this.base = base;
  }

  /**
   * {@code PrunePropagationPolicy=foreground|background|orphan}; without it Cairn prunes with
   * background propagation, as its other kinds do (Argo CD's default is foreground).
   */
  static DeletePropagation propagation(List<String> syncOptions) {
    for (String option : syncOptions) {
      switch (option.strip()) {
        case "PrunePropagationPolicy=foreground":
          return DeletePropagation.FOREGROUND;
        case "PrunePropagationPolicy=orphan":
          return DeletePropagation.ORPHAN;
        case "PrunePropagationPolicy=background":
          return DeletePropagation.BACKGROUND;
        default:
          break;
      }
    }
    return DeletePropagation.BACKGROUND;
  }

  StepResult prune(ApplicationRun run) {
    if (!run.synced()
        || run.partial()
        || !run.decision().prune()
        || run.syncOptions().contains("Prune=false")
        || run.previousInventory().isEmpty()) {
      return StepResult.proceed();
    }
    ChangeSet pruned =
        manager.prune(
            Inventories.ids(run.previousInventory()),
            run.plan().resources(),
            SyncStep.options(base, run),
            propagation(run.syncOptions()));
    run.pruned(pruned);
    if (pruned.hasFailures()) {
      throw new ReconcileException.Failed(
          ConditionReasons.PRUNE_FAILED,
          "prune failed: "
              + pruned.failures().stream()
                  .map(f -> f.id() + ": " + f.error())
                  .collect(Collectors.joining("; ")));
    }
    return StepResult.proceed();
  }
}
