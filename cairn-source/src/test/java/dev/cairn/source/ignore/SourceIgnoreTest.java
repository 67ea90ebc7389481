package dev.cairn.source.ignore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceIgnoreTest {
  private static final SourceIgnore RULES =
      SourceIgnore.defaults()
          .withFile("", "# comment\n\n*.bak\n/root-only.yaml\n")
          .withFile("apps", "secret.yaml\n!keep.bak\n")
          .withPatterns("", List.of("!logo.png"));

  @ParameterizedTest
  @CsvSource({
    ".git, true, true",
    ".gitignore, false, true",
    ".github, true, true",
    "img/photo.jpg, false, true",
    "logo.png, false, false",
    "other.png, false, true",
    "deploy/.sops.yaml, false, true",
    "a.bak, false, true",
    "apps/keep.bak, false, false",
    "apps/secret.yaml, false, true",
    "secret.yaml, false, false",
    "root-only.yaml, false, true",
    "apps/root-only.yaml, false, false",
    "apps/deploy.yaml, false, false",
  })
  void lastMatchingRuleWinsAndFilesAreScopedToTheirDirectory(
      String path, boolean directory, boolean ignored) {
    assertThat(RULES.isIgnored(path, directory)).isEqualTo(ignored);
  }
}
