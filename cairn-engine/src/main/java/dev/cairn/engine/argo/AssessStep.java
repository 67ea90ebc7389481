package dev.cairn.engine.argo;

import dev.cairn.api.argo.AppHealthStatus;
import dev.cairn.api.argo.AppResourceStatus;
import dev.cairn.api.argo.AppSyncStatus;
import dev.cairn.apply.Action;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step {@code assess}: Argo CD's comparison and health. Each desired resource is Synced when this
 * run applied it or the live object has no drift from it (the apply engine's diff), OutOfSync when
 * it is missing or differs (fields {@code ignoreDifferences} names do not count, {@link
 * DriftCheck}); objects the last sync left that the new set lacks and that still exist are
 * OutOfSync with {@code requiresPruning}. Health is read from the live objects ({@link
 * ArgoHealth}). The run ends Waiting (not an error) while the Application is OutOfSync or not
 * Healthy, so Ready means Synced and Healthy.
 */
final class AssessStep {
  private final ClusterClient cluster;
  private final ApplyOptions base;
  private final ArgoHealth health = new ArgoHealth();
  private final DriftCheck drift;

  AssessStep(ResourceManager manager, ClusterClient cluster, ApplyOptions base) {
    this.cluster = cluster;
    this.base = base;
    this.drift = new DriftCheck(manager, cluster);
  }

  StepResult assess(ApplicationRun run) {
    List<AppResourceStatus> resources = new ArrayList<>();
    String appHealth = AppHealthStatus.HEALTHY;
    boolean synced = true;
    Set<ObjectId> desired = new HashSet<>();
    ApplyOptions options = SyncStep.options(base, run);
    for (KubeObject object : run.plan().resources()) {
      desired.add(unversioned(object.id()));
      Optional<KubeObject> live = cluster.get(object.id());
      boolean inSync =
          live.isPresent() && (appliedFine(run, object) || drift.noDrift(run, object, options));
      synced &= inSync;
      AppHealthStatus h = health.of(live);
      appHealth = ArgoHealth.worst(appHealth, h.status());
      resources.add(status(object.id(), inSync, h, false, SyncPlan.wave(object)));
    }
    for (ObjectId id : Inventories.ids(run.previousInventory())) {
      if (!desired.contains(unversioned(id)) && !pruned(run, id)) {
        Optional<KubeObject> live = cluster.get(id);
        if (live.isPresent()) {
          synced = false;
          resources.add(status(id, false, health.of(live), true, null));
        }
      }
    }
    for (SyncTask hook : run.hooksRun()) {
      ObjectId id = hook.object().id();
      resources.add(
          new AppResourceStatus(
              id.group(),
              id.version(),
              id.kind(),
              id.namespace(),
              id.name(),
              null,
              null,
              true,
              null,
              (long) hook.wave()));
    }
    run.resources(resources);
    String sync = synced ? AppSyncStatus.SYNCED : AppSyncStatus.OUT_OF_SYNC;
    run.assessed(sync, appHealth);
    if (!synced || !AppHealthStatus.HEALTHY.equals(appHealth)) {
      String message = "application is " + sync + " and " + appHealth;
      throw new ReconcileException.Waiting(
          synced ? appHealth : ArgoReasons.OUT_OF_SYNC,
          message,
          synced ? Duration.ofSeconds(10) : run.interval());
    }
    run.succeedWith("application is Synced and Healthy at " + String.join(", ", run.revisions()));
    return StepResult.proceed();
  }

  private static AppResourceStatus status(
      ObjectId id, boolean inSync, AppHealthStatus h, boolean requiresPruning, Integer wave) {
    return new AppResourceStatus(
        id.group(),
        id.version(),
        id.kind(),
        id.namespace(),
        id.name(),
        inSync ? AppSyncStatus.SYNCED : AppSyncStatus.OUT_OF_SYNC,
        h,
        null,
        requiresPruning ? Boolean.TRUE : null,
        wave == null ? null : (long) wave);
  }

  private static boolean appliedFine(ApplicationRun run, KubeObject object) {
    return run.synced()
        && run.applied()
            .actionOf(object.id())
            .map(a -> a == Action.CREATED || a == Action.CONFIGURED || a == Action.UNCHANGED)
            .orElse(false);
  }

  private static boolean pruned(ApplicationRun run, ObjectId id) {
    return run.pruned().entries().stream()
        .anyMatch(e -> e.action() == Action.DELETED && unversioned(e.id()).equals(unversioned(id)));
  }

  private static ObjectId unversioned(ObjectId id) {
    return new ObjectId(id.group(), "", id.kind(), id.namespace(), id.name());
  }
}
