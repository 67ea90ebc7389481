package dev.cairn.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarballExtractorTest {
  @TempDir Path temp;

  /** Builds a raw tar.gz, bypassing TarballWriter's own checks. */
  private static final class RawTar {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    RawTar() throws IOException {
      tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    RawTar file(String name, String content) throws IOException {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry(name, true);
      e.setSize(data.length);
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
      return this;
    }

    RawTar link(String name, String target, byte type) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name, type, true);
      e.setLinkName(target);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
      return this;
    }

    RawTar special(String name, byte type) throws IOException {
      tar.putArchiveEntry(new TarArchiveEntry(name, type, true));
      tar.closeArchiveEntry();
      return this;
    }

    ByteArrayInputStream done() throws IOException {
      tar.close();
      return new ByteArrayInputStream(bytes.toByteArray());
    }
  }

  private void assertRefused(ByteArrayInputStream archive, String why) {
    Path target = temp.resolve("target");
    assertThatThrownBy(() -> extractor().extract(archive, target, "evil.tar.gz"))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.ARTIFACT_FAILED);
              assertThat(e.getMessage()).contains("evil.tar.gz").contains(why);
            });
    assertThat(target).doesNotExist();
    assertThat(temp.resolve("outside.txt")).doesNotExist();
  }

  private static TarballExtractor extractor() {
    return new TarballExtractor(ExtractLimits.defaults().withMaxTotalBytes(1000).withMaxEntries(5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../outside.txt", "a/../../outside.txt", "/abs/outside.txt"})
  void refusesEntriesThatEscape(String name) throws Exception {
    assertRefused(new RawTar().file("ok.txt", "ok").file(name, "x").done(), name);
  }

  @Test
  void refusesSymlinkPointingOutside() throws Exception {
    assertRefused(
        new RawTar().link("l", "../outside.txt", TarConstants.LF_SYMLINK).done(), "outside");
  }

  @Test
  void refusesAbsoluteSymlink() throws Exception {
    assertRefused(new RawTar().link("l", "/etc/passwd", TarConstants.LF_SYMLINK).done(), "'l'");
  }

  @Test
  void refusesHardLinksDevicesAndFifos() throws Exception {
    assertRefused(new RawTar().link("h", "x", TarConstants.LF_LINK).done(), "hard link");
    assertRefused(new RawTar().special("dev", TarConstants.LF_CHR).done(), "device");
    assertRefused(new RawTar().special("blk", TarConstants.LF_BLK).done(), "device");
    assertRefused(new RawTar().special("fifo", TarConstants.LF_FIFO).done(), "FIFO");
  }

  @Test
  void refusesArchivesOverTheByteLimit() throws Exception {
    assertRefused(
        new RawTar().file("a", "x".repeat(600)).file("b", "y".repeat(600)).done(), "1000 bytes");
  }

  @Test
  void refusesArchivesOverTheEntryLimit() throws Exception {
    RawTar tar = new RawTar();
    for (int i = 0; i < 6; i++) {
      tar.file("f" + i, "x");
    }
    assertRefused(tar.done(), "more than 5 entries");
  }

  @Test
  void refusesWritingThroughAnEarlierSymlink() throws Exception {
    Files.createDirectories(temp.resolve("elsewhere"));
    // the link target stays inside, but a later entry must not be written through a link that
    // was swapped; here the link itself is fine and the file lands inside the target
    RawTar tar = new RawTar().file("dir/x", "1").link("l", "dir", TarConstants.LF_SYMLINK);
    tar.file("l/y", "2");
    Path target = temp.resolve("ok");
    extractor().extract(tar.done(), target, "ok.tar.gz");
    assertThat(target.resolve("dir/y")).hasContent("2");
  }

  @Test
  void extractsSymlinksThatStayInside() throws Exception {
    Path target = temp.resolve("t");
    int count =
        extractor()
            .extract(
                new RawTar()
                    .file("a/real.txt", "hello")
                    .link("a/link", "real.txt", TarConstants.LF_SYMLINK)
                    .done(),
                target,
                "ok.tar.gz");
    assertThat(count).isEqualTo(2);
    assertThat(Files.isSymbolicLink(target.resolve("a/link"))).isTrue();
    assertThat(target.resolve("a/link")).hasContent("hello");
  }

  @Test
  void refusesNonEmptyTarget() throws Exception {
    Path target = temp.resolve("busy");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep"), "mine");
    assertThatThrownBy(
            () -> extractor().extract(new RawTar().file("a", "b").done(), target, "x.tar.gz"))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("not empty");
    assertThat(target.resolve("keep")).hasContent("mine");
  }
}
