package dev.cairn.engine.helm;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.ResourceInventory;
import dev.cairn.api.helm.HelmReleaseStatus;
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
  static final String RETRIES_EXCEEDED = "RetriesExceeded";

  private final ReleaseApplier applier;
  private final Remediator remediator;
  private final DriftCheck drift;

  ReleaseStep(ReleaseApplier applier, Remediator remediator, DriftCheck drift) {
    this.applier = applier;
    this.remediator = remediator;
    this.drift = drift;
  }

  StepResult release(HelmReleaseRun run) {
    List<ReleaseRecord> history = run.storage().history(run.storageNamespace(), run.releaseName());
    ReleaseRecord latest = history.isEmpty() ? null : history.get(history.size() - 1);
    ReleaseDecision.Decision decision = ReleaseDecision.decide(facts(run, history, latest));
    if (decision instanceof ReleaseDecision.RetriesExceeded exceeded) {
      throw new ReconcileException.Stalled(
          RETRIES_EXCEEDED,
          "Failed to "
              + exceeded.kind().verb()
              + " after "
              + exceeded.failures()
              + " attempt(s); change the spec, the chart"
              + " or the values, or set reconcile.cairn.dev/resetAt to try again");
    }
    if (decision instanceof ReleaseDecision.Act act) {
      ReleaseAction action = ReleaseAction.of(act.kind(), run.spec());
      if (act.resetFailures()) {
        action.setFailures(run.status(), 0);
      }
      return perform(run, action, act.failures(), history);
    }
    drift.check(run, latest);
    run.succeedWith(successMessage(latest));
    record(run, history);
    return StepResult.proceed();
  }

  static ReleaseDecision.Facts facts(
      HelmReleaseRun run, List<ReleaseRecord> history, ReleaseRecord latest) {
    HelmRender render = run.render();
    return new ReleaseDecision.Facts(
        latest == null
            ? null
            : new ReleaseDecision.Latest(
                latest.status(),
                latest.chartName(),
                latest.chartVersion(),
                ValuesStep.digest(latest.config()),
                HelmRender.digest(latest.manifest())),
        history.stream()
            .anyMatch(
                r ->
                    ReleaseRecord.DEPLOYED.equals(r.status())
                        || ReleaseRecord.SUPERSEDED.equals(r.status())),
        new ReleaseDecision.Desired(
            render.chart().name(),
            render.chart().version(),
            run.configDigest(),
            HelmRender.digest(render.manifest())),
        run.forceRequested(),
        ReleaseAction.of(ReleaseAction.Kind.INSTALL, run.spec()).failures(run.status()),
        ReleaseAction.of(ReleaseAction.Kind.UPGRADE, run.spec()).failures(run.status()),
        ReleaseAction.of(ReleaseAction.Kind.INSTALL, run.spec()).retries(),
        ReleaseAction.of(ReleaseAction.Kind.UPGRADE, run.spec()).retries());
  }

  private StepResult perform(
      HelmReleaseRun run, ReleaseAction action, long failures, List<ReleaseRecord> history) {
    ReleaseRecord pending = pending(run, action, history);
    run.storage().write(run.storageNamespace(), pending);
    run.status().setLastAttemptedReleaseAction(action.verb());
    HelmRender render = run.render();
    try {
      ReleaseApplier.Deployed deployed =
          applier.deploy(
              run,
              new ReleaseApplier.Revision(
                  render.objects(),
                  render.hooks(),
                  crds(run, action, render),
                  action.verb(),
                  action.settings(run.timeout())),
              run.previousInventory());
      succeeded(run, action, pending, history, deployed);
      return StepResult.proceed();
    } catch (ReleaseApplier.DeployFailed e) {
      throw failed(run, action, pending, failures, e);
    }
  }

  private ReleaseRecord pending(
      HelmReleaseRun run, ReleaseAction action, List<ReleaseRecord> history) {
    String now = now(run);
    ReleaseRecord latest = history.isEmpty() ? null : history.get(history.size() - 1);
    boolean fresh = action.kind() == ReleaseAction.Kind.INSTALL || history.isEmpty();
    return new ReleaseRecord(
        run.releaseName(),
        run.targetNamespace(),
        latest == null ? 1 : latest.version() + 1,
        "pending-" + action.verb(),
        fresh ? now : history.get(0).firstDeployed(),
        now,
        action.pendingDescription(run.releaseName()),
        run.render().chart().fields(),
        run.values(),
        run.render().manifest(),
        hookRecords(run.render()));
  }

  private void succeeded(
      HelmReleaseRun run,
      ReleaseAction action,
      ReleaseRecord pending,
      List<ReleaseRecord> history,
      ReleaseApplier.Deployed deployed) {
    ReleaseRecord done =
        pending.withStatus(ReleaseRecord.DEPLOYED).withDescription(action.doneDescription());
    // The stored revisions after this one are known without listing them again: those listed at
    // the start of the step, the deployed ones now superseded, and this one.
    List<ReleaseRecord> stored = supersede(run, history);
    run.storage().write(run.storageNamespace(), done);
    stored.add(done);
    stored = run.storage().trim(run.storageNamespace(), stored, maxHistory(run));
    action.setFailures(run.status(), 0);
    run.applied(deployed.applied());
    run.newInventory(deployed.inventory());
    String message =
        "Helm "
            + action.verb()
            + " succeeded for release "
            + done.describe()
            + " with chart "
            + chart(run.render());
    run.own(OwnedCondition.isTrue(ConditionTypes.RELEASED, action.succeededReason(), message));
    run.own(OwnedCondition.removed(ConditionTypes.REMEDIATED));
    run.succeedWith(message);
    run.event(message);
    record(run, stored);
  }

  /** Records the failure, remediates when Flux would, and returns what the step throws. */
  private ReconcileException failed(
      HelmReleaseRun run,
      ReleaseAction action,
      ReleaseRecord pending,
      long failures,
      ReleaseApplier.DeployFailed e) {
    ReleaseRecord failed =
        pending
            .withStatus(ReleaseRecord.FAILED)
            .withDescription(
                capitalized(action.verb())
                    + " \""
                    + run.releaseName()
                    + "\" failed: "
                    + e.getMessage());
    run.storage().write(run.storageNamespace(), failed);
    run.newInventory(
        action.cleansUpOnFail()
            ? applier.cleanUp(run, e.inventory(), run.previousInventory())
            : e.inventory());
    long count = failures + 1;
    action.setFailures(run.status(), count);
    String message =
        "Helm "
            + action.verb()
            + " failed for release "
            + failed.describe()
            + " with chart "
            + chart(run.render())
            + ": "
            + e.getMessage();
    run.own(OwnedCondition.isFalse(ConditionTypes.RELEASED, action.failedReason(), message));
    boolean remaining = action.retries() < 0 || count <= action.retries();
    if (remaining || action.remediateLastFailure()) {
      remediator.remediate(
          run, action, failed, run.storage().history(run.storageNamespace(), run.releaseName()));
    }
    record(run, run.storage().history(run.storageNamespace(), run.releaseName()));
    if (remaining) {
      return new ReconcileException.Failed(action.failedReason(), message);
    }
    return new ReconcileException.Stalled(
        action.failedReason(), message + " (no retries remaining)");
  }

  /** The Ready message of a deployed revision, as the action that made it said it. */
  static String successMessage(ReleaseRecord r) {
    String chart = " with chart " + r.chartName() + "@" + r.chartVersion();
    String d = r.description();
    if (d.startsWith("Rollback")) {
      return "Helm rollback succeeded for release " + r.describe() + chart + " (" + d + ")";
    }
    String action = d.startsWith("Upgrade") ? "upgrade" : "install";
    return "Helm " + action + " succeeded for release " + r.describe() + chart;
  }

  /** Marks the deployed revisions of {@code history} superseded; returns the history after. */
  private List<ReleaseRecord> supersede(HelmReleaseRun run, List<ReleaseRecord> history) {
    List<ReleaseRecord> after = new ArrayList<>(history.size() + 1);
    for (ReleaseRecord r : history) {
      if (ReleaseRecord.DEPLOYED.equals(r.status())) {
        ReleaseRecord superseded = r.withStatus(ReleaseRecord.SUPERSEDED);
        run.storage().write(run.storageNamespace(), superseded);
        after.add(superseded);
      } else {
        after.add(r);
      }
    }
    return after;
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
      HelmReleaseRun run, ReleaseAction action, HelmRender render) {
    return switch (action.crdPolicy()) {
      case Skip -> List.of();
      case CreateReplace -> render.crds();
      case Create -> render.crds().stream().filter(c -> !exists(run, c)).toList();
    };
  }

  private static boolean exists(HelmReleaseRun run, dev.cairn.manifest.KubeObject crd) {
    return run.target().cluster().get(crd.id()).isPresent();
  }

  private static String chart(HelmRender render) {
    return render.chart().name() + "@" + render.chart().version();
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

  private static String capitalized(String action) {
    return Character.toUpperCase(action.charAt(0)) + action.substring(1);
  }
}
