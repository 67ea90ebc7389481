package dev.cairn.controller;

import dev.cairn.source.SourceException;
import dev.cairn.source.git.GitFetcher;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the Git mirrors nothing fetched into for a week (a deleted GitRepository, a changed URL).
 * A mirror deleted too eagerly costs one full clone at its next fetch, nothing more.
 */
final class MirrorCleanup implements StorageCleanup.Chore {
  static final Duration UNUSED_FOR = Duration.ofDays(7);
  private static final Logger LOG = LoggerFactory.getLogger(MirrorCleanup.class);

  private final GitFetcher fetcher;
  private final Clock clock;

  MirrorCleanup(GitFetcher fetcher, Clock clock) {
    this.fetcher = fetcher;
    this.clock = clock;
  }

  /** Deletes mirrors unused for {@link #UNUSED_FOR}; returns how many. Never throws. */
  @Override
  public int runOnce() {
    try {
      return fetcher.deleteMirrorsUnusedSince(clock.instant().minus(UNUSED_FOR));
    } catch (SourceException | RuntimeException e) {
      LOG.warn(
          "Git mirror cleanup failed; retrying in {}: {}", StorageCleanup.EVERY, e.getMessage());
      return 0;
    }
  }
}
