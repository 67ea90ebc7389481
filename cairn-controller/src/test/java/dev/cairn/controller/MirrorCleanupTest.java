package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.git.GitRef;
import dev.cairn.source.git.GitSourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's cleanup deletes a Git mirror only after a week without a fetch. */
class MirrorCleanupTest {
  private static final Instant FETCHED = Instant.parse("2026-03-01T00:00:00Z");

  @TempDir Path temp;

  @Test
  void aMirrorUnusedForAWeekIsDeleted() throws Exception {
    GitWorkingCopy remote = GitWorkingCopy.init(temp.resolve("remote"));
    remote.write("a.yaml", "a").commitAll("a");
    GitFetcher fetcher =
        new GitFetcher(
            temp.resolve("git"),
            new ArtifactStore(temp.resolve("artifacts"), ArtifactStoreOptions.defaults()),
            Clock.fixed(FETCHED, ZoneOffset.UTC));
    fetcher.fetch(
        new SourceKey("gitrepository", "default", "fleet"),
        GitSourceSpec.of(temp.resolve("remote").toUri().toString())
            .withRef(GitRef.ofBranch("main")));
    assertThat(mirrors()).isEqualTo(1);

    int afterSixDays = cleanupAt(fetcher, FETCHED.plus(Duration.ofDays(6))).runOnce();
    assertThat(afterSixDays).isZero();
    assertThat(mirrors()).isEqualTo(1);

    int afterEightDays = cleanupAt(fetcher, FETCHED.plus(Duration.ofDays(8))).runOnce();
    assertThat(afterEightDays).isEqualTo(1);
    assertThat(mirrors()).isZero();
  }

  private static MirrorCleanup cleanupAt(GitFetcher fetcher, Instant now) {
    return new MirrorCleanup(fetcher, Clock.fixed(now, ZoneOffset.UTC));
  }

  private long mirrors() throws Exception {
    Path directory = temp.resolve("git").resolve("mirrors");
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(p -> p.getFileName().toString().endsWith(".git")).count();
    }
  }
}
