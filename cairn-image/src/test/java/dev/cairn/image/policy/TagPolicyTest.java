package dev.cairn.image.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TagPolicyTest {
  /** A registry as a CI system fills it: releases, release candidates, branch builds, junk. */
  static final List<String> TAGS =
      List.of(
          "latest",
          "v0.9.0",
          "v1.0.0",
          "v1.1.0",
          "v1.2.0-rc.1",
          "v1.2.0-rc.2",
          "v1.10.0",
          "v1.9.3",
          "v2.0.0-beta.1",
          "main-3f2a9c1-1717430400",
          "main-b71e0d4-1717516800",
          "main-0c9d8e2-1717603200",
          "main-9aa01f3-999999999",
          "feature-x-1e4f5aa-1717700000",
          "sha256-5d2f4e8a.sig",
          "pr-42");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(semver(">=1.0.0"), TagFilter.all(), "v1.10.0"),
        Arguments.of(semver("~1.9"), TagFilter.all(), "v1.9.3"),
        Arguments.of(semver("^1.0.0 || ^2.0.0-0"), TagFilter.all(), "v2.0.0-beta.1"),
        Arguments.of(semver(">=1.2.0-0 <1.3.0-0"), TagFilter.all(), "v1.2.0-rc.2"),
        Arguments.of(semver("<1.0.0"), TagFilter.all(), "v0.9.0"),
        Arguments.of(semver(">=3.0.0"), TagFilter.all(), null),
        Arguments.of(
            new TagPolicy.Numerical(true),
            TagFilter.of("^main-[a-fA-F0-9]+-(?P<ts>.*)", "$ts"),
            "main-0c9d8e2-1717603200"),
        Arguments.of(
            new TagPolicy.Numerical(false),
            TagFilter.of("^main-[a-fA-F0-9]+-(?P<ts>.*)", "$ts"),
            "main-9aa01f3-999999999"),
        Arguments.of(
            new TagPolicy.Numerical(true),
            TagFilter.of("^main-[a-f0-9]+-(\\d+)$", "${1}"),
            "main-0c9d8e2-1717603200"),
        Arguments.of(
            new TagPolicy.Alphabetical(true),
            TagFilter.of("^main-[a-f0-9]+-(?P<ts>\\d+)$", "$ts"),
            // alphabetical, not numerical: "999999999" sorts after "1717..."
            "main-9aa01f3-999999999"),
        Arguments.of(new TagPolicy.Alphabetical(false), TagFilter.of("^v", ""), "v0.9.0"),
        Arguments.of(new TagPolicy.Alphabetical(true), TagFilter.of("^v", ""), "v2.0.0-beta.1"),
        Arguments.of(semver("^1.0"), TagFilter.of("^release-(?P<v>.*)$", "$v"), null));
  }

  @ParameterizedTest(name = "{0} with {1} picks {2}")
  @MethodSource("cases")
  void picksTheExpectedTagFromARealisticList(TagPolicy policy, TagFilter filter, String expected) {
    assertThat(policy.select(filter.apply(TAGS)).orElse(null)).isEqualTo(expected);
  }

  @Test
  void numericalOrderRefusesValuesThatAreNotNumbers() {
    assertThatThrownBy(() -> new TagPolicy.Numerical(true).select(TagFilter.all().apply(TAGS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'latest' is not a number");
  }

  @Test
  void extractExpandsLikeGo() {
    Map<String, String> values =
        TagFilter.of("^(?P<branch>[a-z]+)-(?P<sha>[a-f0-9]{7})-(?P<ts>\\d+)$", "$ts.${sha}$$x$nope")
            .apply(List.of("main-3f2a9c1-1717430400", "v1.0.0"));
    assertThat(values)
        .containsExactly(Map.entry("main-3f2a9c1-1717430400", "1717430400.3f2a9c1$x"));
  }

  @Test
  void anUnanchoredPatternMatchesAnywhereAsInGo() {
    assertThat(TagFilter.of("rc", "").apply(TAGS).keySet())
        .containsExactly("v1.2.0-rc.1", "v1.2.0-rc.2");
  }

  @Test
  void patternsUseGoSyntaxAndRefuseWhatRe2Lacks() {
    assertThatThrownBy(() -> TagFilter.of("^(a)\\1$", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("filterTags.pattern");
    assertThatThrownBy(() -> TagFilter.of("(?=x)", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCatastrophicPatternForBacktrackingRunsInLinearTime() {
    String tag = "a".repeat(5000) + "!";
    assertThat(TagFilter.of("^(a+)+$", "").apply(List.of(tag))).isEmpty();
  }

  private static TagPolicy semver(String range) {
    return new TagPolicy.Semver(SemverConstraint.parse(range));
  }
}
