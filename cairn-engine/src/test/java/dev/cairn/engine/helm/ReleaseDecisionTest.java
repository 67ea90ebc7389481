package dev.cairn.engine.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.engine.helm.ReleaseAction.Kind;
import dev.cairn.engine.helm.ReleaseDecision.Act;
import dev.cairn.engine.helm.ReleaseDecision.Decision;
import dev.cairn.engine.helm.ReleaseDecision.Desired;
import dev.cairn.engine.helm.ReleaseDecision.Facts;
import dev.cairn.engine.helm.ReleaseDecision.InSync;
import dev.cairn.engine.helm.ReleaseDecision.Latest;
import dev.cairn.engine.helm.ReleaseDecision.RetriesExceeded;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReleaseDecisionTest {
  private static final Desired DESIRED = new Desired("gateway", "1.0.0", "values-a", "manifest-a");

  private static Latest latest(String status) {
    return new Latest(status, "gateway", "1.0.0", "values-a", "manifest-a");
  }

  /** Facts with no failures and no retries: tweak one thing per case. */
  private static Facts facts(Latest latest, boolean everDeployed) {
    return new Facts(latest, everDeployed, DESIRED, false, 0, 0, 0, 0);
  }

  private static Facts with(
      Latest latest,
      boolean everDeployed,
      boolean force,
      long installFailures,
      long upgradeFailures,
      int installRetries,
      int upgradeRetries) {
    return new Facts(
        latest,
        everDeployed,
        DESIRED,
        force,
        installFailures,
        upgradeFailures,
        installRetries,
        upgradeRetries);
  }

  static Stream<Arguments> cases() {
    Latest deployed = latest(ReleaseRecord.DEPLOYED);
    Latest failed = latest(ReleaseRecord.FAILED);
    return Stream.of(
        Arguments.of("nothing stored", facts(null, false), new Act(Kind.INSTALL, 0, false)),
        Arguments.of("deployed and the same", facts(deployed, true), new InSync()),
        Arguments.of(
            "deployed, force requested",
            with(deployed, true, true, 0, 0, 0, 0),
            new Act(Kind.UPGRADE, 0, false)),
        Arguments.of(
            "deployed, new chart version",
            facts(new Latest("deployed", "gateway", "0.9.0", "values-a", "manifest-a"), true),
            new Act(Kind.UPGRADE, 0, false)),
        Arguments.of(
            "deployed, other chart name",
            facts(new Latest("deployed", "other", "1.0.0", "values-a", "manifest-a"), true),
            new Act(Kind.UPGRADE, 0, false)),
        Arguments.of(
            "deployed, new values",
            facts(new Latest("deployed", "gateway", "1.0.0", "values-b", "manifest-a"), true),
            new Act(Kind.UPGRADE, 0, false)),
        Arguments.of(
            "deployed, same inputs but the manifest differs (e.g. a new cluster version)",
            facts(new Latest("deployed", "gateway", "1.0.0", "values-a", "manifest-b"), true),
            new Act(Kind.UPGRADE, 0, false)),
        Arguments.of(
            "uninstalled with history kept",
            facts(latest(ReleaseRecord.UNINSTALLED), true),
            new Act(Kind.INSTALL, 0, false)),
        Arguments.of(
            "only failed installs, a retry left",
            with(failed, false, false, 1, 0, 2, 0),
            new Act(Kind.INSTALL, 1, false)),
        Arguments.of(
            "only failed installs, no retry left",
            with(failed, false, false, 1, 0, 0, 0),
            new RetriesExceeded(Kind.INSTALL, 1)),
        Arguments.of(
            "failed install, new values: the counter starts again",
            with(
                new Latest("failed", "gateway", "1.0.0", "values-b", "manifest-a"),
                false,
                false,
                3,
                0,
                0,
                0),
            new Act(Kind.INSTALL, 0, true)),
        Arguments.of(
            "failed upgrade, new chart version: the counter starts again",
            with(
                new Latest("failed", "gateway", "0.9.0", "values-a", "manifest-a"),
                true,
                false,
                0,
                4,
                1,
                1),
            new Act(Kind.UPGRADE, 0, true)),
        Arguments.of(
            "failed upgrade, same inputs, retries exhausted",
            with(failed, true, false, 0, 2, 5, 1),
            new RetriesExceeded(Kind.UPGRADE, 2)),
        Arguments.of(
            "failed upgrade, retries used up exactly: one more attempt",
            with(failed, true, false, 0, 1, 0, 1),
            new Act(Kind.UPGRADE, 1, false)),
        Arguments.of(
            "negative retries retry forever",
            with(failed, true, false, 0, 1000, 0, -1),
            new Act(Kind.UPGRADE, 1000, false)),
        Arguments.of(
            "install counter does not stall an upgrade",
            with(failed, true, false, 9, 0, 0, 0),
            new Act(Kind.UPGRADE, 0, false)),
        Arguments.of(
            "force does not lift exhausted retries",
            with(failed, true, true, 0, 3, 0, 0),
            new RetriesExceeded(Kind.UPGRADE, 3)),
        Arguments.of(
            "superseded newest after a rollback that failed to store: upgrade",
            facts(latest(ReleaseRecord.SUPERSEDED), true),
            new Act(Kind.UPGRADE, 0, false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(String name, Facts facts, Decision expected) {
    assertThat(ReleaseDecision.decide(facts)).isEqualTo(expected);
  }
}
