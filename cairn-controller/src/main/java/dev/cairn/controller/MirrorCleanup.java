package dev.cairn.controller;

import dev.cairn.source.SourceException;
import dev.cairn.source.git.GitFetcher;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the Git mirrors nothing fetched into for a week (a deleted GitRepository, a changed URL),
 * once an hour. A mirror deleted too eagerly costs one full clone at its next fetch, nothing more,
 * so every replica cleans its own storage whether it leads or not.
 */
final class MirrorCleanup implements AutoCloseable {
  static final Duration UNUSED_FOR = Duration.ofDays(7);
  static final Duration EVERY = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(MirrorCleanup.class);

  private final GitFetcher fetcher;
  private final Clock clock;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "cairn-mirror-cleanup");
            thread.setDaemon(true);
            return thread;
          });

  MirrorCleanup(GitFetcher fetcher, Clock clock) {
    this.fetcher = fetcher;
    this.clock = clock;
  }

  /** Runs {@link #runOnce()} every {@link #EVERY}, the first time one period from now. */
  void start() {
    scheduler.scheduleWithFixedDelay(
        this::runOnce, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
  }

  /** Deletes mirrors unused for {@link #UNUSED_FOR}; returns how many. Never throws. */
  int runOnce() {
    try {
      return fetcher.deleteMirrorsUnusedSince(clock.instant().minus(UNUSED_FOR));
    } catch (SourceException | RuntimeException e) {
      LOG.warn("Git mirror cleanup failed; retrying in {}: {}", EVERY, e.getMessage());
      return 0;
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
