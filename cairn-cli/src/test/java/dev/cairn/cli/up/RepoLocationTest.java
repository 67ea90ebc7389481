package dev.cairn.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepoLocationTest {

  @Test
  void aFileUrlIsTheLocalDirectory(@TempDir Path dir) {
    RepoLocation location = RepoLocation.parse(dir.toUri().toString());
    assertThat(location.isLocal()).isTrue();
    assertThat(location.directory()).isEqualTo(dir.toAbsolutePath().normalize());
  }

  @Test
  void aPathIsTheLocalDirectory(@TempDir Path dir) {
    assertThat(RepoLocation.parse(dir.toString()).directory())
        .isEqualTo(dir.toAbsolutePath().normalize());
  }

  @ParameterizedTest
  @CsvSource({"https://github.com/org/fleet-infra", "ssh://git@github.com/org/fleet-infra.git"})
  void aRemoteUrlStaysAUrl(String url) {
    RepoLocation location = RepoLocation.parse(url);
    assertThat(location.isLocal()).isFalse();
    assertThat(location.url()).isEqualTo(url);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "file:///no/such/fleet | names /no/such/fleet, which does not exist",
        "no/such/fleet | is neither a URL",
        "ftp://host/fleet | must use http, https, ssh or file",
        "https:///fleet | has no host",
        "git@github.com:org/fleet.git | write it as ssh://user@host/path",
      })
  void aBadValueIsOneLineNamingTheFlag(String value, String why) {
    assertThatThrownBy(() -> RepoLocation.parse(value))
        .isInstanceOf(CliException.class)
        .hasMessageStartingWith("--repo")
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aFileOrABareRepositoryIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("fleet.yaml"), "kind: List\n");
    assertThatThrownBy(() -> RepoLocation.parse(file.toString())).hasMessageContaining("is a file");
    Path bare = Files.createDirectories(dir.resolve("fleet.git").resolve("objects"));
    Files.writeString(bare.getParent().resolve("HEAD"), "ref: refs/heads/main\n");
    assertThatThrownBy(() -> RepoLocation.parse(bare.getParent().toString()))
        .hasMessageContaining("bare repository");
  }
}
