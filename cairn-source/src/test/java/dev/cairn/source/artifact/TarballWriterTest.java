package dev.cairn.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

class TarballWriterTest {
  private static byte[] write(String content) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarballWriter writer = new TarballWriter(out)) {
      writer.addFile("a/b/c.txt", content.getBytes(), false);
      writer.addFile("run.sh", "x".getBytes(), true);
    }
    return out.toByteArray();
  }

  @Test
  void isReproducibleAndAddsParentsWithNeutralMetadata() throws Exception {
    assertThat(write("same")).isEqualTo(write("same"));

    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(
            new GzipCompressorInputStream(new ByteArrayInputStream(write("same"))))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        names.add(e.getName() + ":" + Integer.toOctalString(e.getMode() & 0777));
        assertThat(e.getModTime().getTime()).isZero();
        assertThat(e.getLongUserId()).isZero();
      }
    }
    assertThat(names).containsExactly("a/:755", "a/b/:755", "a/b/c.txt:644", "run.sh:755");
  }

  @Test
  void refusesUnsafePaths() {
    assertThatThrownBy(() -> new TarballWriter(new ByteArrayOutputStream()).addDirectory("../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'..'");
  }
}
