package dev.cairn.engine.argo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.argo.ManagedNamespaceMetadata;
import dev.cairn.api.argo.SyncOperationResource;
import dev.cairn.api.argo.SyncPolicy;
import dev.cairn.apply.Action;
import dev.cairn.apply.ApplyException;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ChangeSetEntry;
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
import java.util.Objects;

/**
 * Step {@code sync}: when {@link SyncDecision} says so, applies the plan phase by phase and wave by
 * wave: PreSync hooks, then each wave of the Sync phase (its resources and Sync hooks, by
 * server-side apply with the tracking label) followed by a health wait, then PostSync hooks; on a
 * failure the SyncFail hooks run and the run fails with Argo CD's {@code SyncError}. {@code
 * CreateNamespace=true} creates the destination namespace first (with {@code
 * managedNamespaceMetadata}). An automated sync of an empty set is refused unless {@code
 * allowEmpty}, as in Argo CD. A requested sync may name some resources ({@code
 * operation.sync.resources}: only those are applied, no hook runs) or be a dry run ({@code dryRun}:
 * what each apply would do is read from the apply engine's diff; nothing is written).
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
    SyncPlan plan = run.partial() ? selected(run) : run.plan();
    if (run.dryRun()) {
      dryRun(run, plan);
      return StepResult.proceed();
    }
    ApplyOptions options = options(base, run);
    if (run.syncOptions().contains("CreateNamespace=true")) {
      createNamespace(run, options);
    }
    String failure = runPhases(run, plan, options);
    if (failure != null) {
      for (List<SyncTask> wave : plan.waves(SyncPlan.SYNC_FAIL)) {
        hooks.run(wave, options, WAVE_TIMEOUT);
      }
      fail(run, failure);
    }
    run.markSynced();
    run.syncMessage(
        run.partial()
            ? "successfully synced (" + plan.resources().size() + " of the resources)"
            : "successfully synced (all tasks run)");
    return StepResult.proceed();
  }

  /** The plan cut to {@code operation.sync.resources}; a name that matches nothing fails. */
  private static SyncPlan selected(ApplicationRun run) {
    List<SyncOperationResource> wanted = run.requestedSync().resources();
    for (SyncOperationResource resource : wanted) {
      if (run.plan().resources().stream().noneMatch(o -> matches(resource, o))) {
        fail(
            run,
            "operation.sync.resources: "
                + Objects.toString(resource.group(), "")
                + ":"
                + resource.kind()
                + ":"
                + resource.name()
                + " is not a resource of this application");
      }
    }
    return run.plan().only(o -> wanted.stream().anyMatch(r -> matches(r, o)));
  }

  static boolean matches(SyncOperationResource resource, KubeObject object) {
    return Objects.toString(resource.group(), "").equals(object.gvk().group())
        && Objects.equals(resource.kind(), object.kind())
        && Objects.equals(resource.name(), object.name())
        && (resource.namespace() == null
            || resource.namespace().isEmpty()
            || resource.namespace().equals(Objects.toString(object.namespace(), "")));
  }

  /**
   * A dry run: what applying each resource would do (created, configured, unchanged), read from the
   * cluster and the apply engine's diff; nothing is written and no hook runs.
   */
  private void dryRun(ApplicationRun run, SyncPlan plan) {
    ApplyOptions options = options(base, run);
    List<ChangeSetEntry> entries = new ArrayList<>();
    for (KubeObject object : plan.resources()) {
      try {
        Action action =
            cluster.get(object.id()).isEmpty()
                ? Action.CREATED
                : manager.diff(object, options).isEmpty() ? Action.UNCHANGED : Action.CONFIGURED;
        entries.add(ChangeSetEntry.of(object.id(), action, "dry run"));
      } catch (RuntimeException e) {
        entries.add(ChangeSetEntry.failed(object.id(), e.getMessage()));
      }
    }
    ChangeSet result = new ChangeSet(entries);
    run.addApplied(result);
    if (result.hasFailures()) {
      fail(run, "dry run: " + result.failures());
    }
    run.syncMessage("successfully synced (dry run: nothing was changed)");
  }

  /** The phases in order; returns why the sync failed, or null. */
  private String runPhases(ApplicationRun run, SyncPlan plan, ApplyOptions options) {
    for (String phase : List.of(SyncPlan.PRE_SYNC, SyncPlan.SYNC, SyncPlan.POST_SYNC)) {
      List<List<SyncTask>> waves = plan.waves(phase);
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
