package dev.cairn.render.helmcharts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kustomize.KustomizeOptions;
import dev.cairn.kustomize.Kustomizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case under {@code src/test/resources/helmcharts/<case>/}: {@code in/} built by
 * cairn-kustomize with {@link KustomizeChartInflator} must print {@code expected.yaml}. See that
 * directory's README for where the expectations come from; {@code -Dhelmcharts.regen=true} rewrites
 * them.
 */
class HelmChartsGoldenTest {
  private static final Path CASES = Path.of("src/test/resources/helmcharts");
  private static final boolean REGEN = Boolean.getBoolean("helmcharts.regen");

  @TempDir static Path cache;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsLikeKustomizeWithEnableHelm(String name) throws IOException {
    Path dir = CASES.resolve(name);
    Kustomizer kustomizer =
        Kustomizer.defaults()
            .withOptions(
                KustomizeOptions.defaults()
                    .withChartInflator(KustomizeChartInflator.withCache(cache)));
    String yaml = kustomizer.buildYaml(dir.resolve("in"));
    Path expected = dir.resolve("expected.yaml");
    if (REGEN) {
      Files.writeString(expected, yaml, StandardCharsets.UTF_8);
    }
    assertThat(yaml).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
