package dev.cairn.render.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HelmValuesTest {

  @Test
  void laterLayersWinAndMapsMergeDeeply() {
    Map<String, Object> first =
        Map.of(
            "image",
            Map.of("repository", "gw", "tag", "1.0"),
            "replicas",
            1L,
            "ports",
            List.of(80L));
    Map<String, Object> second = Map.of("image", Map.of("tag", "2.0"), "ports", List.of(8080L));
    Map<String, Object> third = Map.of("replicas", 3L);

    Map<String, Object> merged = HelmValues.mergeAll(List.of(first, second, third));

    assertThat(merged)
        .isEqualTo(
            Map.of(
                "image", Map.of("repository", "gw", "tag", "2.0"),
                "replicas", 3L,
                "ports", List.of(8080L)));
    assertThat(first.get("image")).isEqualTo(Map.of("repository", "gw", "tag", "1.0"));
  }

  @Test
  void aScalarReplacesAMapAndAMapReplacesAScalar() {
    Map<String, Object> merged =
        HelmValues.merge(
            Map.of("a", Map.of("b", 1L), "c", "x"), Map.of("a", "flat", "c", Map.of("d", 2L)));
    assertThat(merged).isEqualTo(Map.of("a", "flat", "c", Map.of("d", 2L)));
  }

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("replicas", "3", false, Map.of("replicas", 3L)),
        Arguments.of("replicas", "3", true, Map.of("replicas", "3")),
        Arguments.of("ingress.enabled", "true", false, Map.of("ingress", Map.of("enabled", true))),
        Arguments.of("image.tag", "007", false, Map.of("image", Map.of("tag", "007"))),
        Arguments.of(
            "podAnnotations.example\\.com/team",
            "edge",
            false,
            Map.of("podAnnotations", Map.of("example.com/team", "edge"))),
        Arguments.of(
            "hosts[1].name",
            "b.example.com",
            false,
            Map.of("hosts", java.util.Arrays.asList(null, Map.of("name", "b.example.com")))),
        Arguments.of("tags[0]", "blue", false, Map.of("tags", List.of("blue"))));
  }

  @ParameterizedTest
  @MethodSource("paths")
  void setsValuesAtHelmSetPaths(
      String path, String value, boolean literal, Map<String, Object> expected) {
    Map<String, Object> values = new LinkedHashMap<>();
    HelmValues.setPath(values, path, value, literal);
    assertThat(values).isEqualTo(expected);
  }

  @Test
  void setPathKeepsSiblings() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("image", new LinkedHashMap<>(Map.of("repository", "gw")));
    HelmValues.setPath(values, "image.tag", "1.2.3", false);
    assertThat(values).isEqualTo(Map.of("image", Map.of("repository", "gw", "tag", "1.2.3")));
  }

  @Test
  void refusesEmptyKeys() {
    assertThatThrownBy(() -> HelmValues.setPath(new LinkedHashMap<>(), "a..b", "x", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a..b");
  }
}
