package dev.cairn.engine.argo;

import dev.cairn.apply.ApplyException;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.apply.WaitResult;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.time.Duration;
import java.util.List;

/**
 * Runs the hooks of one wave as Argo CD does: a hook with {@code BeforeHookCreation} (the default)
 * is deleted first if it is still there from an earlier sync; all are applied, then waited for (a
 * Job until it completes, a Pod until it is ready); then those with {@code HookSucceeded} are
 * deleted when the wave succeeded and those with {@code HookFailed} when it failed.
 */
final class HookRunner {
  private final ResourceManager manager;
  private final ClusterClient cluster;

  HookRunner(ResourceManager manager, ClusterClient cluster) {
    this.manager = manager;
    this.cluster = cluster;
  }

  /** Runs the hooks; the result says whether they all succeeded (and why not). */
  WaitResult run(List<SyncTask> hooks, ApplyOptions options, Duration timeout) {
    List<KubeObject> objects = hooks.stream().map(SyncTask::object).toList();
    List<ObjectId> ids = objects.stream().map(KubeObject::id).toList();
    List<ObjectId> recreate =
        hooks.stream()
            .filter(h -> h.deletePolicies().contains(SyncPlan.BEFORE_HOOK_CREATION))
            .map(h -> h.object().id())
            .filter(id -> cluster.get(id).isPresent())
            .toList();
    recreate.forEach(cluster::delete);
    if (!recreate.isEmpty()) {
      manager.waitForTermination(recreate, timeout);
    }
    WaitResult result;
    try {
      ChangeSet applied = manager.apply(objects, options);
      result =
          applied.hasFailures()
              ? new WaitResult(WaitResult.Outcome.FAILED, List.of(), applied.failures().toString())
              : manager.waitForHealth(ids, timeout);
    } catch (ApplyException e) {
      result = new WaitResult(WaitResult.Outcome.FAILED, List.of(), e.getMessage());
    }
    String policy = result.healthy() ? SyncPlan.HOOK_SUCCEEDED : SyncPlan.HOOK_FAILED;
    hooks.stream()
        .filter(h -> h.deletePolicies().contains(policy))
        .forEach(h -> cluster.delete(h.object().id()));
    return result;
  }
}
