package dev.cairn.render.tree;

import static dev.cairn.render.TestTrees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.render.RenderException;
import dev.cairn.render.RenderException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactPathTest {
  @TempDir Path tmp;

  private Path artifact() {
    return write(
        tmp.resolve("artifact"), "apps/base/cm.yaml", "x: 1\n", "clusters/prod/a.yaml", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"apps/base", "./apps/base", "./apps/base/", "apps/../apps/base"})
  void resolvesRelativePathsInsideTheArtifact(String path) {
    assertThat(ArtifactPath.resolve(artifact(), path)).isEqualTo(Path.of("apps/base"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "./"})
  void emptyAndDotMeanTheRoot(String path) {
    assertThat(ArtifactPath.resolve(artifact(), path).toString()).isEmpty();
    assertThat(ArtifactPath.resolve(artifact(), null).toString()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../other", "apps/../../other", "./apps/../.."})
  void refusesPathsClimbingOutOfTheRoot(String path) {
    Path root = artifact();
    write(tmp, "other/x.yaml", "");
    assertThatThrownBy(() -> ArtifactPath.resolve(root, path))
        .isInstanceOf(RenderException.class)
        .hasMessage("path '" + path + "' points outside the source root")
        .extracting(e -> ((RenderException) e).reason())
        .isEqualTo(Reason.PATH_OUTSIDE_ARTIFACT);
  }

  @Test
  void refusesAbsolutePaths() {
    assertThatThrownBy(() -> ArtifactPath.resolve(artifact(), tmp.toString()))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("must be relative to the source root, not absolute")
        .extracting(e -> ((RenderException) e).reason())
        .isEqualTo(Reason.PATH_OUTSIDE_ARTIFACT);
  }

  @Test
  void refusesSymlinksLeadingOut() throws IOException {
    Path root = artifact();
    Path outside = Files.createDirectories(tmp.resolve("secrets"));
    Files.createSymbolicLink(root.resolve("apps/escape"), outside);

    assertThatThrownBy(() -> ArtifactPath.resolve(root, "apps/escape"))
        .isInstanceOf(RenderException.class)
        .hasMessage("path 'apps/escape' follows a symlink outside the source root");
  }

  @Test
  void followsSymlinksThatStayInside() throws IOException {
    Path root = artifact();
    Files.createSymbolicLink(root.resolve("prod"), Path.of("clusters/prod"));

    assertThat(ArtifactPath.resolve(root, "prod")).isEqualTo(Path.of("clusters/prod"));
  }

  @Test
  void missingPathIsNamed() {
    assertThatThrownBy(() -> ArtifactPath.resolve(artifact(), "./clusters/staging"))
        .isInstanceOf(RenderException.class)
        .hasMessage("path './clusters/staging' not found in the source artifact")
        .extracting(e -> ((RenderException) e).reason())
        .isEqualTo(Reason.PATH_NOT_FOUND);
  }

  @Test
  void aFileIsNotADirectory() {
    assertThatThrownBy(() -> ArtifactPath.resolve(artifact(), "apps/base/cm.yaml"))
        .hasMessage("path 'apps/base/cm.yaml' is not a directory in the source artifact");
  }
}
