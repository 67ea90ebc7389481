package dev.cairn.render.tree;

import static dev.cairn.render.TestTrees.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingCopyTest {
  @TempDir Path tmp;

  @Test
  void copiesTheTreeAndDeletesItOnClose() throws IOException {
    Path artifact = write(tmp.resolve("a"), "x/one.yaml", "one\n", "two.yaml", "two\n");
    Path copied;
    try (WorkingCopy copy = WorkingCopy.of(artifact)) {
      copied = copy.root();
      assertThat(copied).isNotEqualTo(artifact.toRealPath());
      assertThat(Files.readString(copied.resolve("x/one.yaml"))).isEqualTo("one\n");
      Files.writeString(copied.resolve("two.yaml"), "changed\n");
    }
    assertThat(Files.exists(copied)).isFalse();
    assertThat(Files.readString(artifact.resolve("two.yaml"))).isEqualTo("two\n");
  }

  @Test
  void symlinksInsideStayInsideTheCopyAndSymlinksOutKeepTheirTarget() throws IOException {
    Path outside = write(tmp.resolve("outside"), "o.yaml", "o\n");
    Path artifact = write(tmp.resolve("a"), "shared/s.yaml", "s\n");
    Files.createDirectories(artifact.resolve("app"));
    Files.createSymbolicLink(
        artifact.resolve("app/absolute.yaml"), artifact.resolve("shared/s.yaml").toAbsolutePath());
    Files.createSymbolicLink(artifact.resolve("app/relative.yaml"), Path.of("../shared/s.yaml"));
    Path out = outside.resolve("o.yaml").toAbsolutePath();
    Files.createSymbolicLink(artifact.resolve("app/out.yaml"), out);

    try (WorkingCopy copy = WorkingCopy.of(artifact)) {
      Path root = copy.root();
      assertThat(root.resolve("app/absolute.yaml").toRealPath())
          .isEqualTo(root.resolve("shared/s.yaml").toRealPath());
      assertThat(root.resolve("app/relative.yaml").toRealPath())
          .isEqualTo(root.resolve("shared/s.yaml").toRealPath());
      assertThat(Files.readSymbolicLink(root.resolve("app/out.yaml"))).isEqualTo(out);
    }
  }
}
