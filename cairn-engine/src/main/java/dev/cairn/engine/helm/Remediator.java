package dev.cairn.engine.helm;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.InventoryEntry;
import dev.cairn.apply.ChangeSet;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Remediation of a failed release action. A failed install is uninstalled; a failed upgrade is
 * rolled back by re-applying the stored manifest of the last successful revision (a new revision,
 * {@code Rollback to N}; a failed rollback with {@code rollback.cleanupOnFail} deletes what it
 * created), or uninstalled with {@code upgrade.remediation.strategy: uninstall}. Owns the {@code
 * Remediated} condition.
 */
final class Remediator {
  private final ReleaseApplier applier;

  Remediator(ReleaseApplier applier) {
    this.applier = applier;
  }

  void remediate(
      HelmReleaseRun run, ReleaseAction action, ReleaseRecord failed, List<ReleaseRecord> history) {
    boolean uninstall = action.uninstallsOnFailure();
    ReleaseRecord target = null;
    for (ReleaseRecord r : history) {
      if (r.version() < failed.version()
          && (ReleaseRecord.DEPLOYED.equals(r.status())
              || ReleaseRecord.SUPERSEDED.equals(r.status()))) {
        target = r;
      }
    }
    if (uninstall || target == null) {
      uninstall(run, failed);
    } else {
      rollback(run, failed, target);
    }
  }

  /** Deletes the release's objects and its records (or marks them uninstalled, keepHistory). */
  void uninstall(HelmReleaseRun run, ReleaseRecord latest) {
    List<InventoryEntry> inventory =
        run.newInventory() != null ? run.newInventory() : run.previousInventory();
    ChangeSet deleted = applier.deleteAll(run, inventory);
    List<InventoryEntry> left = new ArrayList<>();
    deleted.failures().forEach(f -> left.add(Inventories.entryOf(f.id())));
    run.newInventory(left);
    if (latest.version() == 0) {
      // nothing was ever stored
    } else if (keepHistory(run)) {
      run.storage()
          .write(
              run.storageNamespace(),
              latest
                  .withStatus(ReleaseRecord.UNINSTALLED)
                  .withDescription("Uninstallation complete"));
    } else {
      run.storage().deleteAll(run.storageNamespace(), run.releaseName());
    }
    if (deleted.hasFailures()) {
      run.own(
          OwnedCondition.isFalse(
              ConditionTypes.REMEDIATED,
              ConditionReasons.UNINSTALL_FAILED,
              "Helm uninstall failed for release "
                  + latest.describe()
                  + ": "
                  + deleted.failures().get(0).id()
                  + ": "
                  + deleted.failures().get(0).error()));
      return;
    }
    run.own(
        OwnedCondition.isTrue(
            ConditionTypes.REMEDIATED,
            ConditionReasons.UNINSTALL_SUCCEEDED,
            "Helm uninstall succeeded for release " + latest.describe()));
  }

  private void rollback(HelmReleaseRun run, ReleaseRecord failed, ReleaseRecord target) {
    ReleaseRecord rolled = rolledBack(run, failed, target);
    List<InventoryEntry> before =
        run.newInventory() != null ? run.newInventory() : run.previousInventory();
    String what =
        "Helm rollback to previous release "
            + target.describe()
            + " with chart "
            + target.chartName()
            + "@"
            + target.chartVersion();
    try {
      ReleaseApplier.Deployed deployed = applier.deploy(run, rollbackRevision(run, target), before);
      run.newInventory(deployed.inventory());
      for (ReleaseRecord r : run.storage().history(run.storageNamespace(), run.releaseName())) {
        if (ReleaseRecord.DEPLOYED.equals(r.status())) {
          run.storage().write(run.storageNamespace(), r.withStatus(ReleaseRecord.SUPERSEDED));
        }
      }
      run.storage().write(run.storageNamespace(), failed.withStatus(ReleaseRecord.SUPERSEDED));
      run.storage().write(run.storageNamespace(), rolled);
      run.own(
          OwnedCondition.isTrue(
              ConditionTypes.REMEDIATED, ConditionReasons.ROLLBACK_SUCCEEDED, what + " succeeded"));
    } catch (ReleaseApplier.DeployFailed e) {
      boolean cleanUp =
          run.spec().rollback() != null
              && Boolean.TRUE.equals(run.spec().rollback().cleanupOnFail());
      run.newInventory(cleanUp ? applier.cleanUp(run, e.inventory(), before) : e.inventory());
      run.storage()
          .write(
              run.storageNamespace(),
              rolled
                  .withStatus(ReleaseRecord.FAILED)
                  .withDescription("Rollback failed: " + e.getMessage()));
      run.own(
          OwnedCondition.isFalse(
              ConditionTypes.REMEDIATED,
              ConditionReasons.ROLLBACK_FAILED,
              what + " failed: " + e.getMessage()));
    } catch (ManifestException e) {
      run.own(
          OwnedCondition.isFalse(
              ConditionTypes.REMEDIATED,
              ConditionReasons.ROLLBACK_FAILED,
              what + " failed: the stored manifest cannot be read: " + e.getMessage()));
    }
  }

  /** The revision a rollback to {@code target} writes, after {@code failed}. */
  private static ReleaseRecord rolledBack(
      HelmReleaseRun run, ReleaseRecord failed, ReleaseRecord target) {
    return new ReleaseRecord(
        target.name(),
        target.namespace(),
        failed.version() + 1,
        ReleaseRecord.DEPLOYED,
        target.firstDeployed(),
        ReleaseStep.now(run),
        "Rollback to " + target.version(),
        target.chartMetadata(),
        target.config(),
        target.manifest(),
        target.hooks());
  }

  /** The stored manifest of {@code target}, deployed with {@code spec.rollback}. */
  private static ReleaseApplier.Revision rollbackRevision(
      HelmReleaseRun run, ReleaseRecord target) {
    List<KubeObject> objects = YamlReader.defaults().readObjects("manifest", target.manifest());
    return new ReleaseApplier.Revision(
        objects,
        List.of(),
        List.of(),
        null,
        DeploySettings.rollback(run.spec().rollback(), run.timeout()));
  }

  static boolean keepHistory(HelmReleaseRun run) {
    return run.spec().uninstall() != null
        && Boolean.TRUE.equals(run.spec().uninstall().keepHistory());
  }
}
