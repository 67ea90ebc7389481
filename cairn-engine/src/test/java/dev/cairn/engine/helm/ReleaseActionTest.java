package dev.cairn.engine.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.helm.CrdsPolicy;
import dev.cairn.api.helm.HelmReleaseSpec;
import dev.cairn.engine.helm.ReleaseAction.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What install and upgrade take from the spec. */
class ReleaseActionTest {
  private static final Duration SPEC_TIMEOUT = Duration.ofMinutes(5);

  private static HelmReleaseSpec spec(String yaml) {
    return ReleaseSpecStepTest.run(yaml).spec();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // kind | spec | timeout | hooks | wait | jobs | force | namespace | cleanup
        "INSTALL | timeout: 1m | PT5M | true | true | true | false | false | false",
        "INSTALL | install: {timeout: 30s, disableHooks: true, createNamespace: true}"
            + " | PT30S | false | true | true | false | true | false",
        "INSTALL | install: {disableWait: true, disableWaitForJobs: true}"
            + " | PT5M | true | false | false | false | false | false",
        "INSTALL | upgrade: {timeout: 2m, force: true, disableHooks: true}"
            + " | PT5M | true | true | true | false | false | false",
        "UPGRADE | upgrade: {timeout: 2m, force: true, disableHooks: true, cleanupOnFail: true}"
            + " | PT2M | false | true | true | true | false | true",
        "UPGRADE | upgrade: {disableWaitForJobs: true}"
            + " | PT5M | true | true | false | false | false | false",
        "UPGRADE | install: {createNamespace: true, timeout: 9s}"
            + " | PT5M | true | true | true | false | false | false",
      })
  void takesItsOwnSettings(
      Kind kind,
      String yaml,
      Duration timeout,
      boolean hooks,
      boolean waits,
      boolean jobs,
      boolean force,
      boolean namespace,
      boolean cleanup) {
    ReleaseAction action = ReleaseAction.of(kind, spec(yaml));

    assertThat(action.settings(SPEC_TIMEOUT))
        .isEqualTo(new DeploySettings(timeout, hooks, waits, jobs, force, namespace));
    assertThat(action.cleansUpOnFail()).isEqualTo(cleanup);
  }

  @Test
  void reasonsAndCountersDifferByAction() {
    HelmReleaseSpec spec = spec("timeout: 1m");
    ReleaseAction install = ReleaseAction.of(Kind.INSTALL, spec);
    ReleaseAction upgrade = ReleaseAction.of(Kind.UPGRADE, spec);
    var status = new dev.cairn.api.helm.HelmReleaseStatus();

    install.setFailures(status, 2);
    upgrade.setFailures(status, 3);

    assertThat(status.getInstallFailures()).isEqualTo(2L);
    assertThat(status.getUpgradeFailures()).isEqualTo(3L);
    assertThat(install.failedReason()).isEqualTo("InstallFailed");
    assertThat(upgrade.succeededReason()).isEqualTo("UpgradeSucceeded");
    assertThat(install.crdPolicy()).isEqualTo(CrdsPolicy.Create);
    assertThat(upgrade.crdPolicy()).isEqualTo(CrdsPolicy.Skip);
    assertThat(install.uninstallsOnFailure()).isTrue();
    assertThat(upgrade.uninstallsOnFailure()).isFalse();
    upgrade.setFailures(status, 0);
    assertThat(status.getUpgradeFailures()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "timeout: 1m | 0 | false",
        "upgrade: {remediation: {retries: 2}} | 2 | true",
        "upgrade: {remediation: {retries: 2, remediateLastFailure: false}} | 2 | false",
        "upgrade: {remediation: {retries: -1}} | -1 | false",
      })
  void upgradeRemediatesTheLastFailureByDefaultWithRetries(
      String yaml, int retries, boolean remediateLast) {
    ReleaseAction upgrade = ReleaseAction.of(Kind.UPGRADE, spec(yaml));
    assertThat(upgrade.retries()).isEqualTo(retries);
    assertThat(upgrade.remediateLastFailure()).isEqualTo(remediateLast);
  }

  @Test
  void rollbackTakesSpecRollback() {
    HelmReleaseSpec spec =
        spec("rollback: {timeout: 45s, disableWait: true, disableWaitForJobs: true, force: true}");
    assertThat(DeploySettings.rollback(spec.rollback(), SPEC_TIMEOUT))
        .isEqualTo(new DeploySettings(Duration.ofSeconds(45), false, false, false, true, false));
    assertThat(DeploySettings.rollback(null, SPEC_TIMEOUT))
        .isEqualTo(new DeploySettings(SPEC_TIMEOUT, false, true, true, false, false));
  }
}
