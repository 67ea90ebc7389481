package dev.cairn.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemverSelectorTest {
  private static final List<String> TAGS =
      List.of("v0.9.0", "v1.0.0", "1.2.3", "v1.2.10", "v1.3.0-rc.1", "v2.0.0", "latest", "v2.1");

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        ">=1.0.0 <2.0.0 ; v1.2.10",
        ">=1.0.0, <2.0.0 ; v1.2.10",
        "^1.0 ; v1.2.10",
        "~1.2.3 ; v1.2.10",
        "1.2.x ; v1.2.10",
        "* ; v2.0.0",
        "<1.0.0 || >=2.0.0 ; v2.0.0",
        "1.0.0 ; v1.0.0",
        ">=1.3.0-rc.0 <1.4.0 ; v1.3.0-rc.1",
      })
  void picksTheHighestMatchingTag(String range, String expected) throws Exception {
    assertThat(SemverSelector.highest(TAGS, range)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({">=3.0.0", "<0.1.0"})
  void nothingMatches(String range) throws Exception {
    assertThat(SemverSelector.highest(TAGS, range)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"'  '", "not a range at all"})
  void badRangesAreInvalidSpec(String range) {
    assertThatThrownBy(() -> SemverSelector.highest(TAGS, range))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(SourceReason.INVALID_SPEC));
  }
}
