package dev.cairn.engine.argo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.argo.ManagedNamespaceMetadata;
import dev.cairn.api.argo.SyncPolicy;
import dev.cairn.apply.ApplyException;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.apply.WaitResult;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step {@code sync}: when {@link SyncDecision} says so, applies the plan phase by phase and wave by
 * wave: PreSync hooks, then each wave of the Sync phase (its resources and Sync hooks, by
 * server-side apply with the tracking label) followed by a health wait, then PostSync hooks; on a
 * failure the SyncFail hooks run and the run fails with Argo CD's {@code SyncError}. {@code
 * CreateNamespace=true} creates the destination namespace first (with {@code
 * managedNamespaceMetadata}). An automated sync of an empty set is refused unless {@code
 * allowEmpty}, as in Argo CD.
 */
final class SyncStep {
  static final Duration WAVE_TIMEOUT = Duration.ofMinutes(5);

  private final ResourceManager manager;
  private final ClusterClient cluster;
  private final ApplyOptions base;
  private final HookRunner hooks;

  SyncStep(ResourceManager manager, ClusterClient cluster, ApplyOptions base) {
    this.manager = manager;
    this.cluster = cluster;
    this.base = base;
    this.hooks = new HookRunner(manager, cluster);
  }

  static ApplyOptions options(ApplyOptions base, ApplicationRun run) {
    return base.withLabels(Map.of(ManifestsStep.INSTANCE_LABEL, run.name()))
        .withWaitTimeout(WAVE_TIMEOUT);
  }

  StepResult sync(ApplicationRun run) {
    SyncDecision decision = SyncDecision.of(run.object(), run.status(), run.revisions());
    run.decision(decision);
    if (!decision.sync()) {
      return StepResult.proceed();
    }
    boolean allowEmpty =
        run.spec().automated() != null && Boolean.TRUE.equals(run.spec().automated().allowEmpty());
    if (decision.automated() && run.plan().resources().isEmpty() && !allowEmpty) {
      fail(run, "auto-sync will wipe out all resources (allowEmpty is false)");
    }
    run.startSync(run.clock().instant());
    ApplyOptions options = options(base, run);
    if (run.spec().syncOptions().contains("CreateNamespace=true")) {
      createNamespace(run, options);
    }
    String failure = runPhases(run, options);
    if (failure != null) {
      for (List<SyncTask> wave : run.plan().waves(SyncPlan.SYNC_FAIL)) {
        hooks.run(wave, options, WAVE_TIMEOUT);
      }
      fail(run, failure);
    }
    run.markSynced();
    run.syncMessage("successfully synced (all tasks run)");
    return StepResult.proceed();
  }

  /** The phases in order; returns why the sync failed, or null. */
  private String runPhases(ApplicationRun run, ApplyOptions options) {
    for (String phase : List.of(SyncPlan.PRE_SYNC, SyncPlan.SYNC, SyncPlan.POST_SYNC)) {
      List<List<SyncTask>> waves = run.plan().waves(phase);
      for (List<SyncTask> wave : waves) {
        String failure = runWave(run, wave, options);
        if (failure != null) {
          return phase + " phase, wave " + wave.get(0).wave() + ": " + failure;
        }
      }
    }
    return null;
  }

  private String runWave(ApplicationRun run, List<SyncTask> wave, ApplyOptions options) {
    List<SyncTask> hookTasks = wave.stream().filter(SyncTask::hook).toList();
    List<KubeObject> resources =
        wave.stream().filter(t -> !t.hook()).map(SyncTask::object).toList();
    if (!resources.isEmpty()) {
      try {
        ChangeSet applied = manager.apply(resources, options);
        run.addApplied(applied);
        if (applied.hasFailures()) {
          return applied.failures().toString();
        }
      } catch (ApplyException e) {
        run.addApplied(e.partial());
        return e.getMessage();
      }
      List<ObjectId> ids = resources.stream().map(KubeObject::id).toList();
      run.reportProgress(
          "waiting for healthy state of wave "
              + wave.get(0).wave()
              + " ("
              + ids.size()
              + " resources)");
      WaitResult health = manager.waitForHealth(ids, WAVE_TIMEOUT);
      if (!health.healthy()) {
        return health.message();
      }
    }
    if (!hookTasks.isEmpty()) {
      WaitResult result = hooks.run(hookTasks, options, WAVE_TIMEOUT);
      run.hooksRun(hookTasks);
      if (!result.healthy()) {
        return "hook failed: " + result.message();
      }
    }
    return null;
  }

  private void createNamespace(ApplicationRun run, ApplyOptions options) {
    String name = run.spec().destination().namespace();
    if (name == null || name.isEmpty()) {
      return;
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("apiVersion", "v1").put("kind", "Namespace");
    ObjectNode metadata = node.putObject("metadata");
    metadata.put("name", name);
    SyncPolicy policy = run.spec().syncPolicy();
    ManagedNamespaceMetadata managed = policy == null ? null : policy.managedNamespaceMetadata();
    if (managed != null && managed.labels() != null) {
      managed.labels().forEach((k, v) -> metadata.with("labels").put(k, v));
    }
    if (managed != null && managed.annotations() != null) {
      managed.annotations().forEach((k, v) -> metadata.with("annotations").put(k, v));
    }
    KubeObject namespace = KubeObject.of(node);
    if (cluster.get(namespace.id()).isPresent() && managed == null) {
      return;
    }
    try {
      manager.apply(List.of(namespace), options.withLabels(Map.of()));
    } catch (ApplyException e) {
      fail(run, "namespace " + name + ": " + e.getMessage());
    }
  }

  private static void fail(ApplicationRun run, String message) {
    run.syncMessage(message);
    run.syncFailed(message);
    throw new ReconcileException.Failed(ConditionReasons.RECONCILIATION_FAILED, message);
  }

  static List<ObjectId> ids(List<KubeObject> objects) {
    List<ObjectId> ids = new ArrayList<>();
    objects.forEach(o -> ids.add(o.id()));
    return ids;
  }
}
