package dev.cairn.secrets.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SealedSecretScopeTest {

  @ParameterizedTest
  @CsvSource({
    "strict, team-a/db",
    "namespace-wide, team-a",
    "cluster-wide, ''",
  })
  void theLabelBindsWhatTheScopeFixes(String flag, String label) {
    assertThat(
            new String(SealedSecretScope.parse(flag).label("team-a", "db"), StandardCharsets.UTF_8))
        .isEqualTo(label);
  }

  @ParameterizedTest
  @CsvSource({
    "'', '', STRICT",
    "true, '', NAMESPACE_WIDE",
    "'', true, CLUSTER_WIDE",
    "true, true, CLUSTER_WIDE",
    "True, '', STRICT",
    "false, false, STRICT",
  })
  void annotationsStateTheScopeOnlyWithTheExactValueTrue(
      String namespaceWide, String clusterWide, SealedSecretScope expected) {
    Map<String, String> annotations =
        Map.of(
            SealedSecretScope.NAMESPACE_WIDE_ANNOTATION, namespaceWide,
            SealedSecretScope.CLUSTER_WIDE_ANNOTATION, clusterWide);

    assertThat(SealedSecretScope.fromAnnotations(annotations)).isEqualTo(expected);
  }

  @Test
  void annotateReplacesTheScopeAnnotationsAndKeepsTheOthers() {
    Map<String, String> before =
        Map.of("team", "a", SealedSecretScope.CLUSTER_WIDE_ANNOTATION, "true");

    assertThat(SealedSecretScope.NAMESPACE_WIDE.annotate(before))
        .containsOnly(
            Map.entry("team", "a"), Map.entry(SealedSecretScope.NAMESPACE_WIDE_ANNOTATION, "true"));
    assertThat(SealedSecretScope.STRICT.annotate(before)).containsOnly(Map.entry("team", "a"));
  }

  @Test
  void anUnknownScopeIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> SealedSecretScope.parse("global"))
        .hasMessage("scope 'global' must be one of: strict, namespace-wide, cluster-wide");
  }
}
