package dev.cairn.engine.helm;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.helm.DriftDetectionMode;
import dev.cairn.apply.Action;
import dev.cairn.apply.ApplyException;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ChangeSetEntry;
import dev.cairn.apply.WaitResult;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.manifest.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A release in sync with its spec: {@code driftDetection.mode} {@code enabled} re-applies the
 * release's objects (the apply engine writes only what drifted; an event lists what it corrected),
 * {@code warn} dry-runs them and reports drift in the {@value #DRIFTED} condition and a Warning
 * event, {@code disabled} (the default) does neither. Then the objects must be healthy. Owns
 * {@value #DRIFTED}.
 */
final class DriftCheck {
  static final String DRIFTED = "Drifted";

  private final ReleaseApplier applier;

  DriftCheck(ReleaseApplier applier) {
    this.applier = applier;
  }

  void check(HelmReleaseRun run, ReleaseRecord latest) {
    DriftDetectionMode mode =
        run.spec().driftDetection() == null || run.spec().driftDetection().mode() == null
            ? DriftDetectionMode.DISABLED
            : run.spec().driftDetection().mode();
    List<KubeObject> objects = run.render().objects();
    if (mode == DriftDetectionMode.ENABLED) {
      correct(run, objects);
    } else if (mode == DriftDetectionMode.WARN) {
      warn(run, objects);
    } else {
      run.own(OwnedCondition.removed(DRIFTED));
    }
    WaitResult health =
        applier.waitForHealth(
            run, Inventories.ids(currentInventory(run)), run.timeout(), () -> false);
    if (!health.healthy()) {
      throw new ReconcileException.Failed(
          ConditionReasons.HEALTH_CHECK_FAILED,
          "release " + latest.describe() + " is not healthy: " + health.message());
    }
  }

  private void correct(HelmReleaseRun run, List<KubeObject> objects) {
    ChangeSet applied;
    try {
      applied = run.target().manager().apply(objects, applier.options(run));
    } catch (ApplyException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.RECONCILIATION_FAILED, "drift correction failed: " + e.getMessage());
    }
    run.applied(applied);
    run.newInventory(Inventories.fromChangeSet(applied));
    List<String> corrected = new ArrayList<>();
    for (ChangeSetEntry e : applied.entries()) {
      if (e.action() == Action.CREATED || e.action() == Action.CONFIGURED) {
        corrected.add(e.id() + " " + e.action().name().toLowerCase());
      }
    }
    run.own(OwnedCondition.removed(DRIFTED));
    if (!corrected.isEmpty()) {
      run.event("Drift corrected: " + String.join(", ", corrected));
    }
  }

  private void warn(HelmReleaseRun run, List<KubeObject> objects) {
    List<String> drifted = new ArrayList<>();
    for (KubeObject object : objects) {
      if (!run.target().manager().diff(object, applier.options(run)).isEmpty()) {
        drifted.add(object.id().toString());
      }
    }
    if (drifted.isEmpty()) {
      run.own(
          OwnedCondition.isFalse(DRIFTED, ConditionReasons.NO_DRIFT_DETECTED, "No drift detected"));
      return;
    }
    String message =
        "Drift detected in "
            + drifted.size()
            + " object(s): "
            + drifted.stream().collect(Collectors.joining(", "));
    run.own(OwnedCondition.isTrue(DRIFTED, ConditionReasons.DRIFT_DETECTED, message));
    run.warning(message);
  }

  private static List<dev.cairn.api.InventoryEntry> currentInventory(HelmReleaseRun run) {
    return run.newInventory() != null ? run.newInventory() : run.previousInventory();
  }
}
