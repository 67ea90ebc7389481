package dev.cairn.controller;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the storage chores once an hour on every replica, leader or not: each replica has its own
 * storage, and a chore run by a follower only deletes what nothing uses.
 */
final class StorageCleanup implements AutoCloseable {
  static final Duration EVERY = Duration.ofHours(1);

  /** One chore; {@link #runOnce()} returns how many things it deleted and never throws. */
  interface Chore {
    int runOnce();
  }

  private final List<Chore> chores;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "cairn-storage-cleanup");
            thread.setDaemon(true);
            return thread;
          });

  StorageCleanup(List<Chore> chores) {
    this.chores = List.copyOf(chores);
  }

  /** Runs every chore every {@link #EVERY}, the first time one period from now. */
  void start() {
    scheduler.scheduleWithFixedDelay(
        () -> chores.forEach(Chore::runOnce),
        EVERY.toMinutes(),
        EVERY.toMinutes(),
        TimeUnit.MINUTES);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
