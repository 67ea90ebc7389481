package dev.cairn.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {
  private static final SourceKey KEY = new SourceKey("gitrepository", "default", "podinfo");

  @TempDir Path temp;

  private ArtifactStore store(int retain) throws SourceException {
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    return new ArtifactStore(
        temp.resolve("store"), ArtifactStoreOptions.defaults().withRetain(retain).withClock(clock));
  }

  private static ArchiveContent oneFile(String path, String text) {
    return w -> w.addFile(path, text.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void digestIsTheSha256OfTheTarballAndNamesTheFile() throws Exception {
    ArtifactStore store = store(2);
    StoredArtifact artifact = store.store(KEY, "main@sha1:abc", oneFile("a/b.yaml", "kind: X\n"));

    Path file = store.fileOf(artifact);
    byte[] bytes = Files.readAllBytes(file);
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(artifact.digest()).isEqualTo("sha256:" + hex);
    assertThat(artifact.path()).isEqualTo("gitrepository/default/podinfo/" + hex + ".tar.gz");
    assertThat(artifact.size()).isEqualTo(bytes.length);
    assertThat(artifact.lastUpdateTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(store.current(KEY)).contains(artifact);
  }

  @Test
  void listsTheSourcesItHoldsAndSkipsDirectoriesThatAreNoSource() throws Exception {
    ArtifactStore store = store(2);
    SourceKey chart = new SourceKey("helmchart", "apps", "web");
    StoredArtifact artifact = store.store(KEY, "r1", oneFile("f", "1"));
    store.store(chart, "1.0.0", oneFile("web/Chart.yaml", "name: web\n"));
    Files.createDirectories(store.root().resolve("gitrepository/Not_A_Name/x"));
    Files.setLastModifiedTime(
        store.root().resolve(KEY.relativeDirectory()),
        java.nio.file.attribute.FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));

    assertThat(store.sources())
        .containsExactlyInAnyOrder(
            new StoredSource(KEY, Instant.parse("2026-01-01T00:00:00Z")),
            new StoredSource(
                chart,
                Files.getLastModifiedTime(store.root().resolve(chart.relativeDirectory()))
                    .toInstant()));
    assertThat(store.contains(artifact.path())).isTrue();
    assertThat(store.contains("../" + artifact.path())).isFalse();

    store.delete(KEY);

    assertThat(store.sources()).extracting(StoredSource::key).containsExactly(chart);
    assertThat(store.contains(artifact.path())).isFalse();
  }

  @Test
  void sameContentGivesSameDigestDifferentContentDoesNot() throws Exception {
    ArtifactStore store = store(5);
    StoredArtifact first = store.store(KEY, "r1", oneFile("x.yaml", "a"));
    StoredArtifact again = store.store(KEY, "r2", oneFile("x.yaml", "a"));
    StoredArtifact other = store.store(KEY, "r3", oneFile("x.yaml", "b"));

    assertThat(again.digest()).isEqualTo(first.digest());
    assertThat(again.revision()).isEqualTo("r2");
    assertThat(other.digest()).isNotEqualTo(first.digest());
    assertThat(store.history(KEY)).extracting(StoredArtifact::revision).containsExactly("r2", "r3");
  }

  @Test
  void restoringTheCurrentContentAndRevisionChangesNothing() throws Exception {
    Clock ticking = Clock.offset(Clock.systemUTC(), java.time.Duration.ZERO);
    ArtifactStore store =
        new ArtifactStore(temp.resolve("s2"), ArtifactStoreOptions.defaults().withClock(ticking));
    StoredArtifact first = store.store(KEY, "r1", oneFile("f", "1"));
    StoredArtifact again = store.store(KEY, "r1", oneFile("f", "1"));

    assertThat(again).isEqualTo(first);
    assertThat(store.history(KEY)).containsExactly(first);
  }

  @Test
  void keepsTheLastNAndDeletesOlderTarballs() throws Exception {
    ArtifactStore store = store(2);
    StoredArtifact a1 = store.store(KEY, "r1", oneFile("f", "1"));
    StoredArtifact a2 = store.store(KEY, "r2", oneFile("f", "2"));
    StoredArtifact a3 = store.store(KEY, "r3", oneFile("f", "3"));

    assertThat(store.history(KEY)).containsExactly(a2, a3);
    assertThat(store.root().resolve(a1.path())).doesNotExist();
    assertThat(store.root().resolve(a2.path())).exists();
    assertThat(store.current(KEY)).contains(a3);
  }

  @Test
  void failedStoreKeepsTheCurrentArtifactAndLeavesNoTempFile() throws Exception {
    ArtifactStore store = store(1);
    StoredArtifact good = store.store(KEY, "r1", oneFile("f", "1"));

    assertThatThrownBy(
            () ->
                store.store(
                    KEY,
                    "r2",
                    w -> {
                      w.addFile("half", "x".getBytes(StandardCharsets.UTF_8), false);
                      throw new IOException("network dropped");
                    }))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.STORAGE_OPERATION_FAILED);
              assertThat(e.getMessage()).contains("gitrepository/default/podinfo", "r2");
            });

    assertThat(store.current(KEY)).contains(good);
    assertThat(store.fileOf(good)).exists();
    try (var files = Files.list(store.root().resolve(KEY.relativeDirectory()))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(good.hex() + ".tar.gz", "history.tsv");
    }
  }

  @Test
  void leftoversOfACrashAreRemovedOnTheNextStore() throws Exception {
    ArtifactStore store = store(2);
    store.store(KEY, "r1", oneFile("f", "1"));
    Path directory = store.root().resolve(KEY.relativeDirectory());
    Path leftover = Files.writeString(directory.resolve(".artifact-123.tmp"), "half");

    store.store(KEY, "r2", oneFile("f", "2"));

    assertThat(leftover).doesNotExist();
    assertThat(store.history(KEY)).hasSize(2);
  }

  @Test
  void storesAndExtractsADirectoryRoundTrip() throws Exception {
    Path source = temp.resolve("src");
    Files.createDirectories(source.resolve("deploy/app"));
    Files.writeString(source.resolve("deploy/app/cm.yaml"), "kind: ConfigMap\n");
    Files.writeString(source.resolve("run.sh"), "#!/bin/sh\n");
    source.resolve("run.sh").toFile().setExecutable(true);
    Files.createSymbolicLink(source.resolve("link"), Path.of("run.sh"));

    ArtifactStore store = store(2);
    StoredArtifact artifact = store.storeDirectory(KEY, "r1", source);
    Path out = temp.resolve("out");
    store.extract(artifact, out);

    assertThat(out.resolve("deploy/app/cm.yaml")).hasContent("kind: ConfigMap");
    assertThat(Files.isExecutable(out.resolve("run.sh"))).isTrue();
    assertThat(out.resolve("link")).doesNotExist();
    assertThat(store.storeDirectory(KEY, "r2", source).digest()).isEqualTo(artifact.digest());
  }

  @Test
  void historySurvivesANewStoreInstance() throws Exception {
    StoredArtifact stored = store(2).store(KEY, "r1", oneFile("f", "1"));
    assertThat(store(2).current(KEY)).contains(stored);
  }

  @Test
  void refusesRevisionsThatCannotBeRecorded() throws Exception {
    ArtifactStore store = store(2);
    assertThatThrownBy(() -> store.store(KEY, "a\tb", oneFile("f", "1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.current(KEY)).isEmpty();
  }

  @Test
  void notesAreKeptNextToTheArtifactsAndDeletedWithTheSource() throws Exception {
    ArtifactStore store = store(2);
    store.store(KEY, "main@sha1:" + "a".repeat(40), oneFile("a.yaml", "a"));

    store.writeNote(KEY, "git-inputs", "first");
    store.writeNote(KEY, "git-inputs", "second");

    assertThat(store.readNote(KEY, "git-inputs")).hasValue("second");
    assertThat(store.readNote(KEY, "other")).isEmpty();
    assertThat(store.current(KEY)).isPresent();
    assertThatThrownBy(() -> store.writeNote(KEY, "../escape", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    store.delete(KEY);
    assertThat(store.readNote(KEY, "git-inputs")).isEmpty();
  }
}
