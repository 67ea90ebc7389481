package dev.cairn.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sim.git.GitWorkingCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetRemotesTest {

  @Test
  void readsEveryFetchAndPushUrlOfEveryRemote(@TempDir Path dir) {
    GitWorkingCopy clone = GitWorkingCopy.init(dir);
    clone.git("remote", "add", "origin", "git@github.com:org/fleet-infra.git");
    clone.git("remote", "add", "mirror", "https://gitlab.example.com/org/fleet-infra");
    clone.git("remote", "set-url", "--push", "mirror", "ssh://git@gitlab.example.com/org/fleet");

    assertThat(FleetRemotes.urls(dir))
        .containsExactlyInAnyOrder(
            "git@github.com:org/fleet-infra.git",
            "https://gitlab.example.com/org/fleet-infra",
            "ssh://git@gitlab.example.com/org/fleet");
  }

  @Test
  void aPlainDirectoryHasNoRemotesAndBranchMain(@TempDir Path dir) {
    assertThat(FleetRemotes.urls(dir)).isEmpty();
    assertThat(FleetRemotes.branch(dir)).isEqualTo("main");
  }

  @Test
  void theBranchIsTheCheckedOutOne(@TempDir Path dir) {
    GitWorkingCopy clone = GitWorkingCopy.init(dir);
    clone.write("a.yaml", "kind: List\n").commitAll("first");
    clone.checkoutNewBranch("staging");
    assertThat(FleetRemotes.branch(dir)).isEqualTo("staging");
  }
}
