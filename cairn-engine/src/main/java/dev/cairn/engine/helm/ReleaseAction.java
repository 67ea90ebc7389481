package dev.cairn.engine.helm;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.helm.CrdsPolicy;
import dev.cairn.api.helm.HelmReleaseSpec;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.api.helm.Install;
import dev.cairn.api.helm.RemediationStrategy;
import dev.cairn.api.helm.Upgrade;
import java.time.Duration;

/**
 * A Helm release action that writes a new revision, with what differs between install and upgrade:
 * retries and remediation, wait, CRD policy, reasons, descriptions and failure counter. Built from
 * the spec by {@link #of}; the absent {@code spec.install}/{@code spec.upgrade} reads as defaults.
 */
sealed interface ReleaseAction permits ReleaseAction.InstallAction, ReleaseAction.UpgradeAction {

  /** Which action; the decision ({@link ReleaseDecision}) speaks this. */
  enum Kind {
    INSTALL,
    UPGRADE;

    /** {@code install} or {@code upgrade}, as Helm names the action and its hooks. */
    String verb() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static ReleaseAction of(Kind kind, HelmReleaseSpec spec) {
    return switch (kind) {
      case INSTALL ->
          new InstallAction(
              spec.install() == null
                  ? new Install(
                      null, null, null, null, null, null, null, null, null, null, null, null, null,
                      null)
                  : spec.install());
      case UPGRADE ->
          new UpgradeAction(
              spec.upgrade() == null
                  ? new Upgrade(
                      null, null, null, null, null, null, null, null, null, null, null, null, null,
                      null, null)
                  : spec.upgrade(),
              spec.upgrade() != null
                  && spec.upgrade().remediation() != null
                  && spec.upgrade().remediation().strategy() == RemediationStrategy.UNINSTALL);
    };
  }

  Kind kind();

  /** {@code install} or {@code upgrade}. */
  default String verb() {
    return kind().verb();
  }

  int retries();

  /** Whether the failure that used up the last retry is remediated too. */
  boolean remediateLastFailure();

  /** Whether the release waits for its objects to be healthy. */
  boolean waits();

  CrdsPolicy crdPolicy();

  /** Whether a failure is remediated by uninstalling rather than rolling back. */
  boolean uninstallsOnFailure();

  String succeededReason();

  String failedReason();

  /** The description of the pending revision, as Helm writes it. */
  String pendingDescription(String releaseName);

  String doneDescription();

  long failures(HelmReleaseStatus status);

  void setFailures(HelmReleaseStatus status, long count);

  /** How the action deploys its revision; {@code fallback} is {@code spec.timeout}. */
  DeploySettings settings(Duration fallback);

  /** Whether a failure deletes the objects the action created ({@code cleanupOnFail}). */
  boolean cleansUpOnFail();

  /** {@code helm install} with {@code spec.install}. */
  record InstallAction(Install spec) implements ReleaseAction {
    @Override
    public Kind kind() {
      return Kind.INSTALL;
    }

    @Override
    public int retries() {
      return spec.remediation() == null || spec.remediation().retries() == null
          ? 0
          : spec.remediation().retries();
    }

    @Override
    public boolean remediateLastFailure() {
      return spec.remediation() != null
          && Boolean.TRUE.equals(spec.remediation().remediateLastFailure());
    }

    @Override
    public boolean waits() {
      return !Boolean.TRUE.equals(spec.disableWait());
    }

    @Override
    public CrdsPolicy crdPolicy() {
      if (spec.crds() != null) {
        return spec.crds();
      }
      return Boolean.TRUE.equals(spec.skipCRDs()) ? CrdsPolicy.Skip : CrdsPolicy.Create;
    }

    @Override
    public boolean uninstallsOnFailure() {
      return true;
    }

    @Override
    public String succeededReason() {
      return ConditionReasons.INSTALL_SUCCEEDED;
    }

    @Override
    public String failedReason() {
      return ConditionReasons.INSTALL_FAILED;
    }

    @Override
    public String pendingDescription(String releaseName) {
      return "Initial install underway";
    }

    @Override
    public String doneDescription() {
      return "Install complete";
    }

    @Override
    public long failures(HelmReleaseStatus status) {
      return status.getInstallFailures() == null ? 0 : status.getInstallFailures();
    }

    @Override
    public void setFailures(HelmReleaseStatus status, long count) {
      status.setInstallFailures(count == 0 ? null : count);
    }

    @Override
    public DeploySettings settings(Duration fallback) {
      return DeploySettings.defaults(ReleaseSpecStep.timeoutOr(spec.timeout(), fallback))
          .withRunHooks(!Boolean.TRUE.equals(spec.disableHooks()))
          .withWaitForHealth(waits())
          .withWaitForJobs(!Boolean.TRUE.equals(spec.disableWaitForJobs()))
          .withCreateNamespace(Boolean.TRUE.equals(spec.createNamespace()));
    }

    @Override
    public boolean cleansUpOnFail() {
      return false;
    }
  }

  /** {@code helm upgrade} with {@code spec.upgrade}. */
  record UpgradeAction(Upgrade spec, boolean uninstallsOnFailure) implements ReleaseAction {
    @Override
    public Kind kind() {
      return Kind.UPGRADE;
    }

    @Override
    public int retries() {
      return spec.remediation() == null || spec.remediation().retries() == null
          ? 0
          : spec.remediation().retries();
    }

    /** Flux's default: remediate the last failure when retries are configured. */
    @Override
    public boolean remediateLastFailure() {
      if (spec.remediation() != null && spec.remediation().remediateLastFailure() != null) {
        return spec.remediation().remediateLastFailure();
      }
      return retries() > 0;
    }

    @Override
    public boolean waits() {
      return !Boolean.TRUE.equals(spec.disableWait());
    }

    @Override
    public CrdsPolicy crdPolicy() {
      return spec.crds() == null ? CrdsPolicy.Skip : spec.crds();
    }

    @Override
    public String succeededReason() {
      return ConditionReasons.UPGRADE_SUCCEEDED;
    }

    @Override
    public String failedReason() {
      return ConditionReasons.UPGRADE_FAILED;
    }

    @Override
    public String pendingDescription(String releaseName) {
      return "Upgrade \"" + releaseName + "\" underway";
    }

    @Override
    public String doneDescription() {
      return "Upgrade complete";
    }

    @Override
    public long failures(HelmReleaseStatus status) {
      return status.getUpgradeFailures() == null ? 0 : status.getUpgradeFailures();
    }

    @Override
    public void setFailures(HelmReleaseStatus status, long count) {
      status.setUpgradeFailures(count == 0 ? null : count);
    }

    @Override
    public DeploySettings settings(Duration fallback) {
      return DeploySettings.defaults(ReleaseSpecStep.timeoutOr(spec.timeout(), fallback))
          .withRunHooks(!Boolean.TRUE.equals(spec.disableHooks()))
          .withWaitForHealth(waits())
          .withWaitForJobs(!Boolean.TRUE.equals(spec.disableWaitForJobs()))
          .withForce(Boolean.TRUE.equals(spec.force()));
    }

    @Override
    public boolean cleansUpOnFail() {
      return Boolean.TRUE.equals(spec.cleanupOnFail());
    }
  }
}
