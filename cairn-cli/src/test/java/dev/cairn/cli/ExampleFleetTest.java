package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kustomization of {@code examples/fleet} builds with Cairn's engine through the CLI. */
class ExampleFleetTest {

  static final Path FLEET = Path.of("..", "examples", "fleet").toAbsolutePath().normalize();

  static Stream<String> kustomizations() throws IOException {
    try (Stream<Path> files = Files.walk(FLEET)) {
      List<String> dirs =
          files
              .filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
              .map(f -> FLEET.relativize(f.getParent()).toString())
              .sorted()
              .toList();
      assertThat(dirs)
          .contains(
              "apps/podinfo/base",
              "apps/podinfo/dev",
              "apps/podinfo/staging",
              "apps/podinfo/production",
              "infrastructure/configs",
              "infrastructure/controllers");
      return dirs.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void builds(String dir) {
    MainTest.Result result = MainTest.run("build", FLEET.resolve(dir).toString());
    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("kind: ");
  }

  @Test
  void overlaysSetTheirNamespaceReplicasAndMessage() {
    for (String env : List.of("dev", "staging")) {
      String yaml = MainTest.run("build", FLEET.resolve("apps/podinfo/" + env).toString()).out();
      assertThat(yaml)
          .contains("namespace: podinfo-" + env)
          .contains("PODINFO_UI_MESSAGE: hello from " + env);
    }
    String production =
        MainTest.run("build", FLEET.resolve("apps/podinfo/production").toString()).out();
    assertThat(production)
        .contains("namespace: podinfo\n")
        .contains("replicas: 3")
        .contains("image: ghcr.io/stefanprodan/podinfo:6.7.1")
        .contains("host: podinfo.${cluster_domain}");
  }
}
