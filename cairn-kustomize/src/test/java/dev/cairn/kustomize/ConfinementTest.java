package dev.cairn.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random trees of kustomizations whose references climb out with {@code ..}, use absolute paths,
 * point back at themselves, or go through symlinks that lead outside the build directory: a build
 * either fails with a {@link KustomizeException} or succeeds without reading anything outside.
 */
class ConfinementTest {
  private static final String SECRET = "outside-secret-marker";

  @TempDir Path tmp;

  @Test
  void randomTreesNeverReadOutsideTheRootAndNeverHang() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.yaml"), configMap(SECRET));
    Files.writeString(outside.resolve("kustomization.yaml"), "resources:\n- secret.yaml\n");
    Random random = new Random(20261123L);
    int built = 0;
    int refused = 0;
    for (int tree = 0; tree < 60; tree++) {
      Path root = Files.createDirectories(tmp.resolve("tree" + tree).resolve("root"));
      List<Path> dirs = makeDirs(root, random);
      for (Path dir : dirs) {
        writeKustomization(root, dir, dirs, outside, random);
      }
      try {
        String yaml =
            assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> Kustomizer.defaults().buildYaml(root));
        assertThat(yaml).doesNotContain(SECRET);
        built++;
      } catch (KustomizeException e) {
        assertThat(e.getMessage()).isNotBlank();
        refused++;
      }
    }
    assertThat(built).isPositive();
    assertThat(refused).isPositive();
  }

  @Test
  void symlinkedFileLeadingOutsideIsRefused() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(outside.resolve("s.yaml"), configMap(SECRET));
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createSymbolicLink(root.resolve("link.yaml"), outside.resolve("s.yaml"));
    Files.writeString(root.resolve("kustomization.yaml"), "resources:\n- link.yaml\n");
    assertThatThrownBy(() -> Kustomizer.defaults().build(root))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("link.yaml")
        .hasMessageContaining("security");
  }

  @Test
  void boundaryCanBeWidenedForBasesButFilesStayUnderTheirKustomization() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path base = Files.createDirectories(repo.resolve("base"));
    Path app = Files.createDirectories(repo.resolve("app"));
    Files.writeString(base.resolve("cm.yaml"), configMap("from-base"));
    Files.writeString(base.resolve("kustomization.yaml"), "resources:\n- cm.yaml\n");
    Files.writeString(app.resolve("kustomization.yaml"), "resources:\n- ../base\n");
    assertThatThrownBy(() -> Kustomizer.defaults().build(app))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("outside the build boundary");
    Kustomizer widened =
        Kustomizer.defaults().withOptions(KustomizeOptions.defaults().withBoundary(repo));
    assertThat(widened.buildYaml(app)).contains("from-base");
    assertThat(widened.build(app).get(0).origin().file()).isEqualTo("../base/cm.yaml");
    Files.writeString(app.resolve("kustomization.yaml"), "resources:\n- ../base/cm.yaml\n");
    assertThatThrownBy(() -> widened.build(app))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("is not in or below");
  }

  private static String configMap(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
  }

  private static List<Path> makeDirs(Path root, Random random) throws IOException {
    List<Path> dirs = new ArrayList<>(List.of(root));
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      Path parent = dirs.get(random.nextInt(dirs.size()));
      dirs.add(Files.createDirectories(parent.resolve("d" + i)));
    }
    return dirs;
  }

  private static void writeKustomization(
      Path root, Path dir, List<Path> dirs, Path outside, Random random) throws IOException {
    Files.writeString(
        dir.resolve("own.yaml"),
        configMap("cm-" + root.relativize(dir).toString().replace('/', '-') + "x"));
    List<String> refs = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(9)) {
        case 0 -> refs.add(dir.relativize(dirs.get(random.nextInt(dirs.size()))).toString());
        case 1 -> refs.add(dir.relativize(outside).toString());
        case 2 -> refs.add(dir.relativize(outside.resolve("secret.yaml")).toString());
        case 3 -> refs.add(outside.resolve("secret.yaml").toString());
        case 4 -> {
          Path link = dir.resolve("link" + i);
          if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(
                link, random.nextBoolean() ? outside : outside.resolve("secret.yaml"));
          }
          refs.add(link.getFileName().toString());
        }
        case 5 -> refs.add("../".repeat(1 + random.nextInt(4)) + "outside/secret.yaml");
        case 6 -> {
          Path loop = dir.resolve("loop" + i);
          if (!Files.exists(loop, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(loop, loop.getFileName());
          }
          refs.add(loop.getFileName().toString());
        }
        case 7 -> {
          Path up = dir.resolve("up" + i);
          if (!Files.exists(up, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(up, root);
          }
          refs.add(up.getFileName().toString());
        }
        default -> refs.add(".");
      }
    }
    if (refs.isEmpty() || random.nextInt(3) == 0) {
      refs.add("own.yaml");
    }
    StringBuilder k = new StringBuilder("resources:\n");
    for (String ref : refs) {
      k.append("- ").append(ref.isEmpty() ? "." : ref).append('\n');
    }
    Files.writeString(dir.resolve("kustomization.yaml"), k.toString());
  }
}
