package dev.cairn.source.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelmIndexTest {
  private static HelmIndex parse(String yaml) throws SourceException {
    return HelmIndex.parse(yaml.getBytes(StandardCharsets.UTF_8), "test");
  }

  @Test
  void readsVersionsUrlsAndDigestsAndPicksTheHighestMatch() throws Exception {
    HelmIndex index =
        parse(
            """
            apiVersion: v1
            entries:
              app:
              - version: 1.0.0
                urls: [app-1.0.0.tgz]
                digest: aa
              - version: 1.10.0
                urls: [https://cdn.example/app-1.10.0.tgz]
              - version: 2.0.0-beta.1
                urls: [app-2.0.0-beta.1.tgz]
            """);

    ChartVersion best = index.find("app", "*").orElseThrow();
    assertThat(best.version()).isEqualTo("1.10.0");
    assertThat(best.urls()).containsExactly("https://cdn.example/app-1.10.0.tgz");
    assertThat(best.digest()).isEmpty();
    assertThat(index.find("app", "~1.0").orElseThrow().digest()).isEqualTo("aa");
    assertThat(index.find("app", ">=2.0.0-0").orElseThrow().version()).isEqualTo("2.0.0-beta.1");
    assertThat(index.find("other", "*")).isEmpty();
  }

  @Test
  void emptyEntriesAreAnEmptyIndex() throws Exception {
    assertThat(parse("apiVersion: v1\nentries:\n").chartCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"just text", "apiVersion: v1\nentries: [1, 2]", "entries: {}", "a: [b"})
  void refusesWhatIsNotAnIndex(String yaml) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(SourceReason.INDEXATION_FAILED));
  }
}
