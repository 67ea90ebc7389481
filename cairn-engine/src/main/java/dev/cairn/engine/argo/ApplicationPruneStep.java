package dev.cairn.engine.argo;

import dev.cairn.api.ConditionReasons;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import java.util.stream.Collectors;

/**
 * Step {@code prune}: after a sync with {@code prune} ({@code syncPolicy.automated.prune}, or the
 * requested operation's), deletes what the last sync left and the new set lacks (only objects that
 * still carry the tracking label; objects annotated {@code argocd.argoproj.io/sync-options:
 * Prune=false} are kept). {@code syncOptions: [Prune=false]} turns pruning off for the whole
 * Application; what is not pruned shows as {@code requiresPruning}. A sync of some resources prunes
 * nothing (the resources it names are all in the new set).
 */
final class ApplicationPruneStep {
  private final ResourceManager manager;
  private final ApplyOptions base;

  ApplicationPruneStep(ResourceManager manager, ApplyOptions base) {
    this.manager = manager;
    this.base = base;
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
            SyncStep.options(base, run));
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
