package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Submodule URLs from .gitmodules, resolved as Git resolves them, and what is refused. */
class SubmoduleUrlsTest {

  @ParameterizedTest
  @CsvSource({
    "https://git.example.com/org/app.git, ../lib.git, https://git.example.com/org/lib.git",
    "https://git.example.com/org/app.git/, ../../other/lib.git, https://git.example.com/other/lib.git",
    "https://git.example.com/org/app.git, ./lib.git, https://git.example.com/org/app.git/lib.git",
    "https://git.example.com/org/app.git, https://mirror.example.com/lib.git, https://mirror.example.com/lib.git",
    "ssh://git@git.example.com/org/app.git, ../lib.git, ssh://git@git.example.com/org/lib.git",
  })
  void resolvesLikeGit(String parent, String url, String expected) throws Exception {
    assertThat(Submodules.resolve(GitUrl.parse(parent), url, "submodule 'x'")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "https://git.example.com/app.git, ../../lib.git, climbs above the host",
    "https://git.example.com/org/app.git, file:///etc/secrets, must use the superproject's scheme",
    "https://git.example.com/org/app.git, git@github.com:org/lib.git, must use the superproject's"
        + " scheme",
    "ssh://git@git.example.com/org/app.git, https://git.example.com/lib.git, must use the"
        + " superproject's scheme (ssh)",
  })
  void refusesUrlsThatLeaveTheHostOrTheScheme(String parent, String url, String why) {
    assertThatThrownBy(() -> Submodules.resolve(GitUrl.parse(parent), url, "submodule 'x'"))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.URL_INVALID);
              assertThat(e.getMessage()).startsWith("submodule 'x': url '").contains(why);
            });
  }

  @ParameterizedTest
  @CsvSource({
    "https://git.example.com/a.git, https://git.example.com/b.git, true",
    "https://git.example.com/a.git, https://git.example.com:8443/b.git, false",
    "https://git.example.com/a.git, https://other.example.com/b.git, false",
    "https://git.example.com/a.git, http://git.example.com/b.git, false",
  })
  void credentialsFollowOnlyTheSameOrigin(String a, String b, boolean same) throws Exception {
    assertThat(Submodules.sameOrigin(GitUrl.parse(a), GitUrl.parse(b))).isEqualTo(same);
  }
}
