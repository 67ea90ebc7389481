package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad {@code up} argument is one line on stderr naming the flag, exit code 2, no cluster. */
class UpArgumentsTest {
  @TempDir Path work;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--repo | file:///no/such/fleet | error: --repo 'file:///no/such/fleet' names",
        "--repo | ftp://example.com/fleet | error: --repo: Git URL 'ftp://example.com/fleet'",
        "--fleet | /no/such/fleet | error: --fleet '/no/such/fleet' is not a directory",
        "--git-alias | https://github.com/org/x=/no/such/dir | error: --git-alias 'https://github.com/org/x=/no/such/dir'",
        "--ui-bind-address | 0.0.0.0:9090 | error: --ui-bind-address 0.0.0.0:9090: cairn up serves the dashboard without login",
        "--ui-bind-address | 9090 | error: --ui-bind-address: bind address '9090' should be host:port",
        "--no-remote-bases | false | error: --no-remote-bases=false: Cairn never fetches remote bases",
      })
  void badSourceIsOneLine(String flag, String value, String expected) {
    MainTest.Result result =
        MainTest.run("up", "--once", flag, value, "--workdir", work.resolve("up").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).startsWith(expected);
    assertThat(result.out()).isEmpty();
    assertThat(work.resolve("up")).doesNotExist();
  }
}
