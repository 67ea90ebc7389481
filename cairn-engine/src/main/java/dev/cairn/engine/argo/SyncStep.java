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
import java.time.Instant;
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
 * what each apply would do is read from the apply engine's diff; nothing is written). A self-heal
 * run of an Application with {@code ignoreDifferences} syncs only when something is OutOfSync, and
 * with {@code RespectIgnoreDifferences=true} the ignored fields keep their live values ({@link
 * RespectIgnoreDifferences}). With {@code FailOnSharedResource=true} a sync fails before it writes
 * anything when a resource is already tracked by another Application.
 */
final class SyncStep {
  static final Duration WAVE_TIMEOUT = Duration.ofMinutes(5);
  static final String FAIL_ON_SHARED_RESOURCE = "FailOnSharedResource=true";

  private final ResourceManager manager;
  private final ClusterClient cluster;
  private final ApplyOptions base;
  private final HookRunner hooks;
  private final DriftCheck drift;

  SyncStep(ResourceManager manager, ClusterClient cluster, ApplyOptions base) {
    this.manager = manager;
    this.cluster = cluster;
    this.base = base;
    this.hooks = new HookRunner(manager, cluster);
    this.drift = new DriftCheck(manager, cluster);
  }

  static ApplyOptions options(ApplyOptions base, ApplicationRun run) {
    return base.withLabels(Map.of(ManifestsStep.INSTANCE_LABEL, run.name()))
        .withWaitTimeout(WAVE_TIMEOUT);
  }

  StepResult sync(ApplicationRun run) {
    SyncDecision decision =
        SyncDecision.of(run.object(), run.status(), run.revisions(), run.clock().instant());
    run.decision(decision);
    if (decision.retryAt() != null) {
      Duration until = Duration.between(run.clock().instant(), decision.retryAt());
      run.intervals(until, until);
    }
    if (!decision.sync()) {
      return StepResult.proceed();
    }
    if (decision.onDrift()
        && !run.ignoreRules().isEmpty()
        && drift.allSynced(run, options(base, run))) {
      // Argo CD self-heals only an OutOfSync app; with ignored fields a re-apply could reset them.
      run.decision(decision.withoutSync());
      return StepResult.proceed();
    }
    boolean allowEmpty =
        run.spec().automated() != null && Boolean.TRUE.equals(run.spec().automated().allowEmpty());
    if (decision.automated() && run.plan().resources().isEmpty() && !allowEmpty) {
      fail(run, "auto-sync will wipe out all resources (allowEmpty is false)");
    }
    run.startSync(run.clock().instant());
    if (decision.automated()) {
      run.retriesSoFar(
          SyncDecision.retriesSoFar(run.spec(), run.status().getOperationState(), run.revisions()));
    }
    SyncPlan plan = run.partial() ? selected(run) : run.plan();
    if (run.dryRun()) {
      dryRun(run, plan);
      return StepResult.proceed();
    }
    ApplyOptions options = options(base, run);
    if (run.syncOptions().contains(FAIL_ON_SHARED_RESOURCE)) {
      String shared = sharedResources(run);
      if (!shared.isEmpty()) {
        fail(run, "Shared resource found: " + shared);
      }
    }
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
      if (run.syncOptions().contains(RespectIgnoreDifferences.OPTION)
          && !run.ignoreRules().isEmpty()) {
        resources =
            resources.stream()
                .map(
                    r ->
                        RespectIgnoreDifferences.keepLive(
                            r, cluster.get(r.id()), run.ignoreRules(), options.fieldManager()))
                .toList();
      }
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

  /**
   * The resources another Application tracks (their tracking label names another app), in Argo CD's
   * words: {@code ConfigMap/settings is part of applications web and other}.
   */
  private String sharedResources(ApplicationRun run) {
    List<String> shared = new ArrayList<>();
    for (KubeObject object : run.plan().resources()) {
      cluster
          .get(object.id())
          .map(live -> live.labels().get(ManifestsStep.INSTANCE_LABEL))
          .filter(owner -> !owner.isEmpty() && !owner.equals(run.name()))
          .ifPresent(
              owner ->
                  shared.add(
                      object.kind()
                          + "/"
                          + object.name()
                          + " is part of applications "
                          + run.name()
                          + " and "
                          + owner));
    }
    return String.join(", ", shared);
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

  /**
   * Ends the sync as failed; with {@code syncPolicy.retry} (automated syncs) the next attempt is
   * scheduled and the run comes back when it is due, with Argo CD's messages.
   */
  private static void fail(ApplicationRun run, String failure) {
    String message = failure;
    SyncRetryPolicy retry =
        run.decision().automated() ? SyncDecision.retryPolicy(run.spec()) : null;
    if (retry != null && retry.retriesAfter(run.retriesSoFar())) {
      long attempt = run.retriesSoFar() + 1;
      Duration delay = retry.delay(attempt);
      Instant at = run.clock().instant().plus(delay);
      run.retryAt(at);
      message = SyncRetryPolicy.retryingMessage(failure, attempt, at);
      run.syncMessage(message);
      run.syncFailed(message);
      // The operation is still running (Argo CD's phase): the run waits for the retry instead of
      // failing, so the controller's failure backoff does not stretch Argo CD's schedule.
      throw new ReconcileException.Waiting(ConditionReasons.RECONCILIATION_FAILED, message, delay);
    } else if (run.retriesSoFar() > 0) {
      message = SyncRetryPolicy.retriedMessage(failure, run.retriesSoFar());
    }
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
