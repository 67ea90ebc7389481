package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.sim.git.GitWorkingCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn up --once --fleet DIR --path clusters/my-cluster} on a local clone of a {@code flux
 * bootstrap} repository (src/test/resources/up/flux-fleet) whose gotk-sync.yaml names {@code
 * https://github.com/org/fleet-infra}: the fleet's own root takes over, Flux's components are not
 * applied, the GitRepository fetches from the served copy through the clone's remote, and every
 * layer (infrastructure controllers, configs, apps, with dependsOn and no retryInterval) becomes
 * Ready without editing a file.
 */
class UpFluxBootstrapIT {
  static final Path FLEET =
      Path.of("src", "test", "resources", "up", "flux-fleet").toAbsolutePath();

  /**
   * Far below the layers' 10m interval: a layer waiting for its dependency runs again when the
   * dependency becomes Ready (or at the latest after the 30 s dependency requeue), never after the
   * interval. (`CairnRuntimeIT` proves the watch-driven part within one requeue.)
   */
  static final String WAIT = "3m";

  @Test
  void aFluxBootstrapCloneReconcilesUnedited(@TempDir Path temp) throws Exception {
    Path clone = clone(temp.resolve("fleet-infra"), "git@github.com:org/fleet-infra.git");
    Path work = temp.resolve("up");

    MainTest.Result result =
        MainTest.run(
            "up",
            "--once",
            "-o",
            "json",
            "--fleet",
            clone.toString(),
            "--path",
            "clusters/my-cluster",
            "--workdir",
            work.toString(),
            "--timeout",
            WAIT);

    assertThat(result.code()).as(result.err()).isZero();
    JsonNode objects = new ObjectMapper().readTree(result.out());
    List<String> names = new ArrayList<>();
    objects.forEach(
        o ->
            names.add(
                o.path("kind").asText()
                    + "/"
                    + o.path("namespace").asText()
                    + "/"
                    + o.path("name").asText()));
    assertThat(names)
        .containsExactly(
            "GitRepository/flux-system/flux-system",
            "Kustomization/flux-system/apps",
            "Kustomization/flux-system/flux-system",
            "Kustomization/flux-system/infra-configs",
            "Kustomization/flux-system/infra-controllers");
    objects.forEach(o -> assertThat(o.path("ready").asText()).as(o.toString()).isEqualTo("True"));
    assertThat(result.err())
        .contains("Git URL git@github.com:org/fleet-infra.git is served from http://127.0.0.1:")
        .contains("Flux bootstrap layout in clusters/my-cluster/flux-system")
        .contains("Skipped Flux's own controllers and CRDs")
        .contains("gotk-components.yaml")
        .doesNotContain("Kustomization cairn-system");
    assertThat(
            Files.readString(work.resolve("fleet/clusters/my-cluster/flux-system/gotk-sync.yaml")))
        .contains("url: https://github.com/org/fleet-infra");
  }

  /** A local clone of the test fleet: its files committed on main, with one remote. */
  static Path clone(Path target, String remote) throws IOException {
    try (Stream<Path> files = Files.walk(FLEET)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(FLEET.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
    GitWorkingCopy copy = GitWorkingCopy.init(target);
    copy.git("remote", "add", "origin", remote);
    copy.commitAll("flux bootstrap");
    return target;
  }
}
