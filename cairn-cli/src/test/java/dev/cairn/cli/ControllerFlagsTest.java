package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.cairn.cli.logging.LogSetup;
import org.junit.jupiter.api.Test;

/** The Lease of a shard, the log level and the tenancy flags of {@code cairn controller}. */
class ControllerFlagsTest {

  @Test
  void eachLabelSelectorHoldsALeaseOfItsOwn() {
    String base = "cairn-controller-leader";
    assertThat(ControllerCommand.leaseName(base, null)).isEqualTo(base);
    assertThat(ControllerCommand.leaseName(base, " ")).isEqualTo(base);
    String one = ControllerCommand.leaseName(base, "sharding.fluxcd.io/key in (shard1)");
    String two = ControllerCommand.leaseName(base, "sharding.fluxcd.io/key in (shard2)");
    assertThat(one).startsWith(base + "-").matches("[a-z0-9-]{1,63}").isNotEqualTo(two);
    assertThat(ControllerCommand.leaseName(base, " sharding.fluxcd.io/key in (shard1) "))
        .isEqualTo(one);
  }

  @Test
  void logLevelsAreTheFiveNamesAndNothingElse() {
    assertThat(LogSetup.level("DEBUG")).isEqualTo(Level.DEBUG);
    assertThat(LogSetup.level("warn")).isEqualTo(Level.WARN);
    assertThatThrownBy(() -> LogSetup.level("verbose"))
        .hasMessageContaining("unknown log level 'verbose'");
  }

  @Test
  void aWrongLogLevelIsAUsageError() {
    assertThat(Main.run(System.out, System.err, "controller", "--log-level", "loud"))
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void remoteBasesCannotBeTurnedOn() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    assertThat(
            Main.run(
                System.out,
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
                "controller",
                "--no-remote-bases=false",
                "--log-encoding",
                "console"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("Cairn never fetches remote bases");
  }
}
