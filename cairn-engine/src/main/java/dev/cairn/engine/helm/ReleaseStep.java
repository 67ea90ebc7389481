package dev.cairn.engine.helm;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.ResourceInventory;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.api.helm.Install;
import dev.cairn.api.helm.Upgrade;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.render.helm.HelmRender;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Step {@code release}: compares the rendered release with the newest stored revision. In sync: no
 * new revision; drift is handled as {@code driftDetection.mode} says and the objects must be
 * healthy. Otherwise it installs (no revision yet) or upgrades, records the revision (deployed or
 * failed) and, on failure, remediates as Flux does: while retries remain, or on the last failure
 * when {@code remediateLastFailure} is set (for upgrades: by default when retries &gt; 0), a failed
 * install is uninstalled and a failed upgrade rolled back (or uninstalled, with {@code strategy:
 * uninstall}). Without retries left the run stalls until the spec, the chart or the values change,
 * or {@code reconcile.cairn.dev/resetAt} is set.
 */
final class ReleaseStep {
  static final String INSTALL = "install";
  static final String UPGRADE = "upgrade";
  static final String RETRIES_EXCEEDED = "RetriesExceeded";

  private final ReleaseStorage storage;
  private final ReleaseApplier applier;
  private final Remediator remediator;
  private final DriftCheck drift;
  private final dev.cairn.apply.ClusterClient cluster;

  ReleaseStep(
      ReleaseStorage storage,
      ReleaseApplier applier,
      Remediator remediator,
      DriftCheck drift,
      dev.cairn.apply.ClusterClient cluster) {
    this.cluster = cluster;
    this.storage = storage;
    this.applier = applier;
    this.remediator = remediator;
    this.drift = drift;
  }

  StepResult release(HelmReleaseRun run) {
    List<ReleaseRecord> history = storage.history(run.storageNamespace(), run.releaseName());
    ReleaseRecord latest = history.isEmpty() ? null : history.get(history.size() - 1);
    HelmRender render = run.render();
    if (inSync(run, latest)) {
      drift.check(run, latest);
      run.succeedWith(successMessage(latest));
      record(run, history);
      return StepResult.proceed();
    }
    // Never deployed (nothing yet, only failed installs) or uninstalled: install; else upgrade.
    boolean everDeployed =
        history.stream()
            .anyMatch(
                r ->
                    ReleaseRecord.DEPLOYED.equals(r.status())
                        || ReleaseRecord.SUPERSEDED.equals(r.status()));
    String action =
        latest == null || ReleaseRecord.UNINSTALLED.equals(latest.status()) || !everDeployed
            ? INSTALL
            : UPGRADE;
    int retries = retries(run, action);
    if (latest != null
        && ReleaseRecord.FAILED.equals(latest.status())
        && !sameInputs(run, latest)) {
      // New chart or values: the failures counted so far were about other inputs.
      setFailures(run.status(), action, 0);
    }
    long failures = failures(run.status(), action);
    if (retries >= 0 && failures > retries) {
      throw new ReconcileException.Stalled(
          RETRIES_EXCEEDED,
          "Failed to "
              + action
              + " after "
              + failures
              + " attempt(s); change the spec, the chart"
              + " or the values, or set reconcile.cairn.dev/resetAt to try again");
    }
    String now = now(run);
    int version = latest == null ? 1 : latest.version() + 1;
    String first =
        action.equals(INSTALL) || history.isEmpty() ? now : history.get(0).firstDeployed();
    ReleaseRecord pending =
        new ReleaseRecord(
            run.releaseName(),
            run.targetNamespace(),
            version,
            "pending-" + action,
            first,
            now,
            action.equals(INSTALL)
                ? "Initial install underway"
                : "Upgrade \"" + run.releaseName() + "\" underway",
            render.chart().fields(),
            run.values(),
            render.manifest(),
            hookRecords(render));
    storage.write(run.storageNamespace(), pending);
    run.status().setLastAttemptedReleaseAction(action);
    String chart = render.chart().name() + "@" + render.chart().version();
    try {
      ReleaseApplier.Deployed deployed =
          applier.deploy(
              run,
              new ReleaseApplier.Revision(
                  render.objects(),
                  render.hooks(),
                  crds(run, action, render),
                  action,
                  waits(run, action)),
              run.previousInventory());
      ReleaseRecord done =
          pending
              .withStatus(ReleaseRecord.DEPLOYED)
              .withDescription(action.equals(INSTALL) ? "Install complete" : "Upgrade complete");
      supersede(run, history);
      storage.write(run.storageNamespace(), done);
      storage.trim(run.storageNamespace(), run.releaseName(), maxHistory(run));
      setFailures(run.status(), action, 0);
      run.applied(deployed.applied());
      run.newInventory(deployed.inventory());
      String message =
          "Helm " + action + " succeeded for release " + done.describe() + " with chart " + chart;
      run.own(OwnedCondition.isTrue(ConditionTypes.RELEASED, succeeded(action), message));
      run.own(OwnedCondition.removed(ConditionTypes.REMEDIATED));
      run.succeedWith(message);
      run.event(message);
      record(run, storage.history(run.storageNamespace(), run.releaseName()));
      return StepResult.proceed();
    } catch (ReleaseApplier.DeployFailed e) {
      ReleaseRecord failed =
          pending
              .withStatus(ReleaseRecord.FAILED)
              .withDescription(
                  capitalized(action) + " \"" + run.releaseName() + "\" failed: " + e.getMessage());
      storage.write(run.storageNamespace(), failed);
      run.newInventory(e.inventory());
      long count = failures + 1;
      setFailures(run.status(), action, count);
      String reason = failedReason(action);
      String message =
          "Helm "
              + action
              + " failed for release "
              + failed.describe()
              + " with chart "
              + chart
              + ": "
              + e.getMessage();
      run.own(OwnedCondition.isFalse(ConditionTypes.RELEASED, reason, message));
      boolean remaining = retries < 0 || count <= retries;
      if (remaining || remediateLastFailure(run, action, retries)) {
        remediator.remediate(
            run, action, failed, storage.history(run.storageNamespace(), run.releaseName()));
      }
      record(run, storage.history(run.storageNamespace(), run.releaseName()));
      if (remaining) {
        throw new ReconcileException.Failed(reason, message);
      }
      throw new ReconcileException.Stalled(reason, message + " (no retries remaining)");
    }
  }

  /** The Ready message of a deployed revision, as the action that made it said it. */
  static String successMessage(ReleaseRecord r) {
    String chart = " with chart " + r.chartName() + "@" + r.chartVersion();
    String d = r.description();
    if (d.startsWith("Rollback")) {
      return "Helm rollback succeeded for release " + r.describe() + chart + " (" + d + ")";
    }
    String action = d.startsWith("Upgrade") ? UPGRADE : INSTALL;
    return "Helm " + action + " succeeded for release " + r.describe() + chart;
  }

  private static boolean sameInputs(HelmReleaseRun run, ReleaseRecord latest) {
    return latest.chartVersion().equals(run.render().chart().version())
        && ValuesStep.digest(latest.config()).equals(run.configDigest());
  }

  private boolean inSync(HelmReleaseRun run, ReleaseRecord latest) {
    return latest != null
        && !run.forceRequested()
        && ReleaseRecord.DEPLOYED.equals(latest.status())
        && latest.chartName().equals(run.render().chart().name())
        && latest.chartVersion().equals(run.render().chart().version())
        && ValuesStep.digest(latest.config()).equals(run.configDigest())
        && latest.manifest().equals(run.render().manifest());
  }

  private void supersede(HelmReleaseRun run, List<ReleaseRecord> history) {
    for (ReleaseRecord r : history) {
      if (ReleaseRecord.DEPLOYED.equals(r.status())) {
        storage.write(run.storageNamespace(), r.withStatus(ReleaseRecord.SUPERSEDED));
      }
    }
  }

  private static void record(HelmReleaseRun run, List<ReleaseRecord> history) {
    HelmReleaseStatus status = run.status();
    status.setStorageNamespace(run.storageNamespace());
    status.setHistory(ReleaseHistory.snapshots(history, maxHistory(run)));
    if (!history.isEmpty()) {
      status.setLastReleaseRevision((long) history.get(history.size() - 1).version());
    }
    status.setLastAttemptedGeneration(run.generation());
    if (run.newInventory() != null) {
      // The CRD requires entries when an inventory is present: an empty one is written as none.
      status.setInventory(
          run.newInventory().isEmpty() ? null : new ResourceInventory(run.newInventory()));
    }
  }

  private List<dev.cairn.manifest.KubeObject> crds(
      HelmReleaseRun run, String action, HelmRender render) {
    dev.cairn.api.helm.CrdsPolicy policy;
    if (action.equals(INSTALL)) {
      Install install = run.spec().install();
      boolean skip = install != null && Boolean.TRUE.equals(install.skipCRDs());
      policy =
          install != null && install.crds() != null
              ? install.crds()
              : skip ? dev.cairn.api.helm.CrdsPolicy.Skip : dev.cairn.api.helm.CrdsPolicy.Create;
    } else {
      Upgrade upgrade = run.spec().upgrade();
      policy =
          upgrade != null && upgrade.crds() != null
              ? upgrade.crds()
              : dev.cairn.api.helm.CrdsPolicy.Skip;
    }
    return switch (policy) {
      case Skip -> List.of();
      case CreateReplace -> render.crds();
      case Create -> render.crds().stream().filter(c -> !exists(c)).toList();
    };
  }

  private boolean exists(dev.cairn.manifest.KubeObject crd) {
    return cluster.get(crd.id()).isPresent();
  }

  private static boolean waits(HelmReleaseRun run, String action) {
    if (action.equals(INSTALL)) {
      return run.spec().install() == null
          || !Boolean.TRUE.equals(run.spec().install().disableWait());
    }
    return run.spec().upgrade() == null || !Boolean.TRUE.equals(run.spec().upgrade().disableWait());
  }

  static int retries(HelmReleaseRun run, String action) {
    Integer value = null;
    if (action.equals(INSTALL)
        && run.spec().install() != null
        && run.spec().install().remediation() != null) {
      value = run.spec().install().remediation().retries();
    } else if (action.equals(UPGRADE)
        && run.spec().upgrade() != null
        && run.spec().upgrade().remediation() != null) {
      value = run.spec().upgrade().remediation().retries();
    }
    return value == null ? 0 : value;
  }

  private static boolean remediateLastFailure(HelmReleaseRun run, String action, int retries) {
    Boolean value = null;
    if (action.equals(INSTALL)
        && run.spec().install() != null
        && run.spec().install().remediation() != null) {
      value = run.spec().install().remediation().remediateLastFailure();
    } else if (action.equals(UPGRADE)
        && run.spec().upgrade() != null
        && run.spec().upgrade().remediation() != null) {
      value = run.spec().upgrade().remediation().remediateLastFailure();
    }
    if (value != null) {
      return value;
    }
    return action.equals(UPGRADE) && retries > 0;
  }

  static long failures(HelmReleaseStatus status, String action) {
    Long value = action.equals(INSTALL) ? status.getInstallFailures() : status.getUpgradeFailures();
    return value == null ? 0 : value;
  }

  static void setFailures(HelmReleaseStatus status, String action, long count) {
    Long value = count == 0 ? null : count;
    if (action.equals(INSTALL)) {
      status.setInstallFailures(value);
    } else {
      status.setUpgradeFailures(value);
    }
  }

  private static int maxHistory(HelmReleaseRun run) {
    Integer max = run.spec().maxHistory();
    return max == null ? ReleaseHistory.DEFAULT_MAX : max;
  }

  private static List<java.util.Map<String, Object>> hookRecords(HelmRender render) {
    List<java.util.Map<String, Object>> out = new ArrayList<>();
    for (dev.cairn.render.helm.HelmHook hook : render.hooks()) {
      out.add(
          java.util.Map.of(
              "name", hook.object().name(),
              "kind", hook.object().kind(),
              "path", hook.path(),
              "manifest", dev.cairn.manifest.YamlWriter.write(hook.object().node()),
              "events", hook.events().stream().sorted().toList(),
              "weight", hook.weight()));
    }
    return out;
  }

  static String now(HelmReleaseRun run) {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.now(run.clock()));
  }

  private static String succeeded(String action) {
    return action.equals(INSTALL)
        ? ConditionReasons.INSTALL_SUCCEEDED
        : ConditionReasons.UPGRADE_SUCCEEDED;
  }

  private static String failedReason(String action) {
    return action.equals(INSTALL)
        ? ConditionReasons.INSTALL_FAILED
        : ConditionReasons.UPGRADE_FAILED;
  }

  private static String capitalized(String action) {
    return Character.toUpperCase(action.charAt(0)) + action.substring(1);
  }
}
