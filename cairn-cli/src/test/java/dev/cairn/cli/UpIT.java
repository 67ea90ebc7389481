package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn up --once} on a small fleet: the whole path from a directory to Ready objects. */
class UpIT {
  static final Path FLEET = Path.of("src", "test", "resources", "up", "fleet").toAbsolutePath();

  @Test
  void onceAsJsonReachesAllReadyAndPrintsEveryObject(@TempDir Path work) throws Exception {
    MainTest.Result result =
        MainTest.run(
            "up",
            "--once",
            "-o",
            "json",
            "--fleet",
            FLEET.toString(),
            "--workdir",
            work.toString(),
            "--timeout",
            "3m");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode objects = new ObjectMapper().readTree(result.out());
    List<String> names = new ArrayList<>();
    objects.forEach(o -> names.add(o.path("kind").asText() + "/" + o.path("name").asText()));
    assertThat(names)
        .containsExactly(
            "GitRepository/cairn-system",
            "Kustomization/apps",
            "Kustomization/cairn-system",
            "Kustomization/infrastructure");
    objects.forEach(o -> assertThat(o.path("ready").asText()).as(o.toString()).isEqualTo("True"));
    JsonNode root = objects.get(2);
    assertThat(root.at("/status/inventory/entries").toString())
        .contains("cairn-system_apps_cairn.dev_Kustomization")
        .contains("cairn-system_cluster-config__ConfigMap");
    assertThat(objects.get(1).path("revision").asText()).startsWith("main@sha1:");
    assertThat(result.err())
        .contains("simulated cluster")
        .contains("export KUBECONFIG=" + work.resolve("kubeconfig"))
        .contains("Working copy: " + work.resolve("fleet"))
        .contains("all 4 Cairn objects are Ready");
  }

  @Test
  void onceFailsNamingEachObjectAndItsReason(@TempDir Path work) throws Exception {
    Path broken = work.resolve("broken");
    copy(FLEET, broken);
    Files.writeString(
        broken.resolve("apps/web/settings.yaml"),
        Files.readString(broken.resolve("apps/web/settings.yaml"))
            .replace("${cluster_domain}", "${cluster_zone}"));
    MainTest.Result result =
        MainTest.run(
            "up",
            "--once",
            "--fleet",
            broken.toString(),
            "--workdir",
            work.resolve("run").toString(),
            "--settle",
            "3s");
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.out()).contains("✔ Kustomization/cairn-system/infrastructure");
    assertThat(result.err())
        .contains("not Ready:")
        .contains("Kustomization/cairn-system/apps: BuildFailed")
        .contains("cluster_zone");
  }

  @Test
  void onceSyncsAnotherRepositoryGivenByUrl(@TempDir Path work) throws Exception {
    try (GitHttpServer server = GitHttpServer.start(work.resolve("served"))) {
      String url = server.createRepository("other");
      GitWorkingCopy copy = GitWorkingCopy.init(work.resolve("other"));
      UpIT.copy(FLEET, copy.directory());
      copy.commitAll("fleet");
      copy.push(url);
      MainTest.Result result =
          MainTest.run(
              "up",
              "--once",
              "--repo",
              url,
              "--path",
              "./clusters/production",
              "--ref",
              "main",
              "--workdir",
              work.resolve("run").toString());
      assertThat(result.code()).as(result.err()).isZero();
      assertThat(result.out())
          .contains("Repository: " + url + " branch main")
          .doesNotContain("Working copy:")
          .contains("all 4 Cairn objects are Ready");
    }
  }

  static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
