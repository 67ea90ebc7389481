package dev.cairn.image.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemverConstraintTest {

  @ParameterizedTest(name = "{0} satisfies {1}: {2}")
  @CsvSource(
      delimiterString = " | ",
      value = {
        // caret
        "1.2.3 | ^1.2.3 | true",
        "1.9.0 | ^1.2.3 | true",
        "2.0.0 | ^1.2.3 | false",
        "1.2.2 | ^1.2.3 | false",
        "0.2.9 | ^0.2.3 | true",
        "0.3.0 | ^0.2.3 | false",
        "0.0.3 | ^0.0.3 | true",
        "0.0.4 | ^0.0.3 | false",
        "0.0.9 | ^0.0 | true",
        "0.1.0 | ^0.0 | false",
        "0.9.0 | ^0 | true",
        "1.0.0 | ^0 | false",
        "1.5.0 | ^1.x | true",
        // tilde
        "1.2.9 | ~1.2.3 | true",
        "1.3.0 | ~1.2.3 | false",
        "1.9.0 | ~1 | true",
        "2.0.0 | ~1 | false",
        "2.3.5 | ~>2.3 | true",
        "2.4.0 | ~2.3 | false",
        // wildcards
        "1.2.7 | 1.2.x | true",
        "1.3.0 | 1.2.x | false",
        "1.9.9 | 1.x | true",
        "7.0.0 | * | true",
        "1.3.0 | >= 1.2.x | true",
        "2.9.9 | <= 2.x | true",
        "3.0.0 | <= 2.x | false",
        "1.4.0 | > 1.2.x | true",
        "1.2.9 | > 1.2.x | false",
        // comparisons, AND with comma or space, OR
        "1.5.0 | >=1.0.0 <2.0.0 | true",
        "2.0.0 | >=1.0.0, <2.0.0 | false",
        "3.1.0 | <2.0.0 || >=3.0.0 | true",
        "2.5.0 | <2.0.0 || >=3.0.0 | false",
        "1.2.4 | != 1.2.3 | true",
        "1.2.3 | != 1.2.3 | false",
        "1.2.3 | =1.2.3 | true",
        "1.2.3 | 1.2.3 | true",
        "1.2.4 | 1.2.3 | false",
        "1.3.0 | 1.2 - 1.4.5 | true",
        "1.4.6 | 1.2 - 1.4.5 | false",
        "1.2.3+build.5 | =1.2.3 | true",
        // pre-releases only when the constraint names one
        "1.1.0-rc.1 | >=1.0.0 | false",
        "1.1.0-rc.1 | ^1.0.0 | false",
        "1.1.0-rc.1 | >=1.1.0-0 | true",
        "1.1.0-rc.1 | >=1.1.0-rc.0 <2.0.0-0 | true",
        "1.1.0-rc.1 | >=1.1.0-rc.0, <2.0.0 | false",
        "1.1.0 | >=1.1.0-rc.0 | true",
        "1.0.0-alpha.10 | >1.0.0-alpha.9 | true",
        "1.0.0-alpha.beta | >1.0.0-alpha.1 | true",
      })
  void followsMastermindsRules(String version, String range, boolean expected) {
    assertThat(
            SemverConstraint.parse(range)
                .isSatisfiedBy(LenientVersion.parse(version).orElseThrow()))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ">=1.0.0 || ", "latest", ">= 1.0.0 <", "1.0.0 >> 2"})
  void improperRangesFailNamingThePart(String range) {
    assertThatThrownBy(() -> SemverConstraint.parse(range))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("improper constraint");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v1.2.3 | 1.2.3",
        "1.2 | 1.2.0",
        "v2 | 2.0.0",
        "1.0.0-rc.1+git.abc | 1.0.0-rc.1+git.abc"
      })
  void versionsParseLeniently(String tag, String expected) {
    assertThat(LenientVersion.parse(tag).orElseThrow().toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"latest", "main-abc1234-1700000000", "1.2.3.4", "v1.2.3-", "sha256"})
  void tagsThatAreNotVersionsAreNot(String tag) {
    assertThat(LenientVersion.parse(tag)).isEmpty();
  }
}
