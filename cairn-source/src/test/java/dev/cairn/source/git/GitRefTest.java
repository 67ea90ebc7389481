package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitRefTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void fluxPrecedenceCommitNameSemverTagBranch() {
    GitRef all = new GitRef("main", "v1", ">=1", "refs/pull/1/head", SHA);
    assertThat(all.effectiveKind()).isEqualTo(GitRef.Kind.COMMIT);
    assertThat(all.withCommit(null).effectiveKind()).isEqualTo(GitRef.Kind.NAME);
    assertThat(all.withCommit(null).withName(" ").effectiveKind()).isEqualTo(GitRef.Kind.SEMVER);
    assertThat(all.withCommit(null).withName(null).withSemver(null).effectiveKind())
        .isEqualTo(GitRef.Kind.TAG);
    assertThat(GitRef.ofBranch("dev").effectiveKind()).isEqualTo(GitRef.Kind.BRANCH);
    assertThat(GitRef.defaults().effectiveBranch()).isEqualTo("master");
  }

  @ParameterizedTest
  @CsvSource({
    "refs/heads/main, main@sha1:" + SHA,
    "refs/tags/v1.2.0, v1.2.0@sha1:" + SHA,
    "refs/pull/42/head, refs/pull/42/head@sha1:" + SHA,
    "'', sha1:" + SHA,
  })
  void revisionsLookLikeFlux(String ref, String expected) {
    assertThat(FetchPlan.revision(ref, SHA)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "https://h/r.git, https",
    "http://h:8080/r, http",
    "ssh://git@h/r.git, ssh",
    "file:///srv/r.git, file"
  })
  void acceptsSupportedUrls(String url, String scheme) throws Exception {
    assertThat(GitUrl.parse(url).scheme()).isEqualTo(scheme);
  }

  @ParameterizedTest
  @CsvSource({"git@github.com:org/repo.git", "ftp://h/r", "https://u:pw-x1@h/r", "''"})
  void refusesOtherUrls(String url) {
    assertThatThrownBy(() -> GitUrl.parse(url))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.URL_INVALID);
              assertThat(e.getMessage()).doesNotContain("pw-x1");
            });
  }

  @Test
  void displayDropsUserInfo() throws Exception {
    assertThat(GitUrl.parse("ssh://git@host:22/r.git").display()).isEqualTo("ssh://host:22/r.git");
  }

  @Test
  void verifyModesParseFluxSpelling() {
    assertThat(VerifySpec.Mode.parse("HEAD")).isEqualTo(VerifySpec.Mode.HEAD);
    assertThat(VerifySpec.Mode.parse("Tag")).isEqualTo(VerifySpec.Mode.TAG);
    assertThat(VerifySpec.Mode.parse("TagAndHEAD")).isEqualTo(VerifySpec.Mode.TAG_AND_HEAD);
    assertThatThrownBy(() -> VerifySpec.Mode.parse("always"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
