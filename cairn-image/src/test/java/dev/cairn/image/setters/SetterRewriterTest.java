package dev.cairn.image.setters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files under {@code src/test/resources/setters/<case>/{input,expected}}; regenerate the
 * expected side with {@code -Dsetters.write=true}.
 */
class SetterRewriterTest {
  private static final Path CASES = Path.of("src/test/resources/setters");
  private static final Map<String, PolicyPick> PICKS =
      Map.of(
          "flux-system:api", new PolicyPick("ghcr.io/acme/api", "v1.2.0", null),
          "flux-system:proxy", new PolicyPick("ghcr.io/acme/proxy", "2.1", null),
          "flux-system:web",
              new PolicyPick("ghcr.io/acme/web", "main-3f2a9c1-1717430400", "sha256:feed"));

  @TempDir Path work;

  @Test
  void rewritesOnlyTheMarkedValuesKeepingEverythingElse() throws IOException {
    Path root = copy(CASES.resolve("overlay/input"), work.resolve("repo"));

    List<SetterChange> changes = new SetterRewriter().rewrite(root, root, PICKS);

    Path expected = CASES.resolve("overlay/expected");
    if (Boolean.getBoolean("setters.write")) {
      copy(root.resolve("apps"), expected.resolve("apps"));
    }
    for (String file :
        List.of("apps/deployment.yaml", "apps/kustomization.yml", "apps/crlf.yaml")) {
      assertThat(Files.readString(root.resolve(file)))
          .as(file)
          .isEqualTo(Files.readString(expected.resolve(file)));
    }
    assertThat(Files.readString(root.resolve(".hidden/skip.yaml")))
        .as("hidden directories are not walked")
        .contains("x:1");
    assertThat(changes)
        .extracting(SetterChange::file, SetterChange::oldValue, SetterChange::newValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("apps/crlf.yaml", "x:1", "ghcr.io/acme/api:v1.2.0"),
            org.assertj.core.groups.Tuple.tuple(
                "apps/deployment.yaml", "ghcr.io/acme/api:v1.0.0", "ghcr.io/acme/api:v1.2.0"),
            org.assertj.core.groups.Tuple.tuple(
                "apps/deployment.yaml", "ghcr.io/acme/proxy:1.0", "ghcr.io/acme/proxy:2.1"),
            org.assertj.core.groups.Tuple.tuple(
                "apps/deployment.yaml",
                "ghcr.io/acme/api:v1.0.0@sha256:aaaa",
                "ghcr.io/acme/api:v1.2.0"),
            org.assertj.core.groups.Tuple.tuple(
                "apps/kustomization.yml", "main-0000000-1", "main-3f2a9c1-1717430400"),
            org.assertj.core.groups.Tuple.tuple(
                "apps/kustomization.yml", "sha256:0", "sha256:feed"));
    assertThat(changes.get(1).object())
        .isEqualTo(new SetterChange.ObjectId("apps/v1", "Deployment", "shop", "api"));
    assertThat(changes.get(3).object().kind()).isEqualTo("CronJob");
    assertThat(changes.get(4).object().kind()).isEqualTo("Kustomization");
    assertThat(changes.get(1).setter()).isEqualTo("flux-system:api");
  }

  @Test
  void aSecondRunChangesNothing() throws IOException {
    Path root = copy(CASES.resolve("overlay/input"), work.resolve("again"));
    new SetterRewriter().rewrite(root, root, PICKS);

    assertThat(new SetterRewriter().rewrite(root, root, PICKS)).isEmpty();
  }

  @Test
  void onlyTheGivenDirectoryIsWalked() throws IOException {
    Path root = copy(CASES.resolve("overlay/input"), work.resolve("scoped"));
    Files.writeString(
        root.resolve("outside.yaml"), "image: a:1 # {\"$imagepolicy\": \"flux-system:api\"}\n");

    new SetterRewriter().rewrite(root, root.resolve("apps"), PICKS);

    assertThat(Files.readString(root.resolve("outside.yaml"))).contains("a:1");
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return to;
  }
}
