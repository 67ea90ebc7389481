package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitUrlRewritesTest {
  private static final String SERVED = "http://127.0.0.1:4000/fleet";

  private static final GitUrlRewrites TABLE =
      new GitUrlRewrites(
          Map.of(
              "git@github.com:org/fleet-infra.git", SERVED,
              "https://git.example.com/platform", "http://127.0.0.1:4000/platform/",
              "https://git.example.com/platform/special", "http://127.0.0.1:4000/special"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://github.com/org/fleet-infra, " + SERVED,
    "https://github.com/org/fleet-infra.git, " + SERVED,
    "https://github.com/org/fleet-infra/, " + SERVED,
    "https://GitHub.COM/org/fleet-infra.git/, " + SERVED,
    "ssh://git@github.com/org/fleet-infra, " + SERVED,
    "git@github.com:org/fleet-infra, " + SERVED,
    "https://git.example.com/platform/apps.git, http://127.0.0.1:4000/platform/apps",
    "https://git.example.com/platform/special/x, http://127.0.0.1:4000/special/x",
  })
  void rewritesEveryFormOfAMappedUrl(String url, String expected) {
    assertThat(TABLE.rewrite(url)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "https://github.com/org/fleet-infra-two",
    "https://github.com/Org/fleet-infra",
    "https://gitlab.com/org/fleet-infra",
    "https://github.com/org",
    "not a url at all ::",
  })
  void leavesOtherUrlsAlone(String url) {
    assertThat(TABLE.rewrite(url)).isEmpty();
    assertThat(TABLE.apply(url)).isEqualTo(url);
  }

  @ParameterizedTest
  @CsvSource({
    "file:///home/me/fleet, /home/me/fleet",
    "file:///home/me/fleet/.git, /home/me/fleet",
  })
  void fileUrlsCompareByPath(String url, String path) {
    assertThat(GitUrlRewrites.none().with("file://" + path, SERVED).rewrite(url)).contains(SERVED);
  }
}
