package dev.cairn.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders each case under {@code render/golden} and compares with kustomize's output. */
class GoldenRenderTest {
  private final KustomizationRenderer renderer = KustomizationRenderer.defaults();

  static Stream<String> cases() throws IOException, URISyntaxException {
    Path root = Path.of(GoldenRenderTest.class.getResource("/render/golden").toURI());
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void rendersLikeFluxOverKustomize(String name) throws Exception {
    Path dir = Path.of(GoldenRenderTest.class.getResource("/render/golden/" + name).toURI());

    RenderedSet set =
        renderer.render(
            dir.resolve("in"),
            TestTrees.spec(Files.readString(dir.resolve("spec.yaml"))),
            RenderInputs.none());

    assertThat(set.yaml()).isEqualTo(Files.readString(dir.resolve("expected.yaml")));
  }
}
