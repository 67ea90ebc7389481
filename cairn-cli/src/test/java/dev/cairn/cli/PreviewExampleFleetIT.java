package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sim.git.GitWorkingCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn preview} on a clone of the project's {@code examples/fleet} between two commits: a
 * chart value and an overlay patch change, and the preview shows each under its owner.
 */
class PreviewExampleFleetIT {
  static final Path FLEET = Path.of("..", "examples", "fleet").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void previewsAChangeToTheExampleFleet() throws IOException {
    GitWorkingCopy git = GitWorkingCopy.init(dir.resolve("fleet"));
    copy(FLEET, git.directory());
    git.commitAll("the example fleet");
    edit(
        git,
        "infrastructure/controllers/ingress-controller.yaml",
        "replicaCount: 2",
        "replicaCount: 4");
    edit(git, "apps/podinfo/production/replicas.yaml", "replicas: 3", "replicas: 5");
    git.commitAll("scale up");

    MainTest.Result same =
        MainTest.run("preview", "--repo", git.directory().toString(), "--from", "HEAD");
    assertThat(same.code()).as(same.err()).isEqualTo(ExitCode.OK);
    assertThat(same.out()).contains("Kustomization/./clusters/production", "No changes");

    MainTest.Result result =
        MainTest.run("preview", "--repo", git.directory().toString(), "--from", "HEAD~1");

    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.out())
        .contains("HelmRelease/ingress-system/ingress-controller: 0 added, 1 changed, 0 removed")
        .contains("--- a/Deployment/ingress-system/ingress-controller")
        .contains("-  replicas: 2\n+  replicas: 4\n")
        .contains("Kustomization/cairn-system/infrastructure-controllers: 0 added, 1 changed")
        .contains("-    replicaCount: 2\n+    replicaCount: 4\n")
        .contains("Kustomization/cairn-system/apps: 0 added, 1 changed, 0 removed")
        .contains("--- a/Deployment/podinfo/podinfo")
        .contains("-  replicas: 3\n+  replicas: 5\n")
        .contains("3 objects would change under 3 of 7 top-level objects")
        .doesNotContain("error");
  }

  private static void edit(GitWorkingCopy git, String file, String from, String to)
      throws IOException {
    Path path = git.directory().resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    git.write(file, text.replace(from, to));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
