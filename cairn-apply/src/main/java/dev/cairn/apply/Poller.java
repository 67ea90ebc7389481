package dev.cairn.apply;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Checks a condition on a scheduler with exponential backoff (50 ms growing to 2 s) until it holds
 * or a deadline passes; the calling thread waits on a future, never sleeps.
 */
final class Poller {
  private static final long FIRST_DELAY_MS = 50;
  private static final long MAX_DELAY_MS = 2_000;

  private final ScheduledExecutorService scheduler;

  Poller(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * True when {@code condition} held before {@code timeout} passed. The condition runs on the
   * scheduler thread; an exception it throws is rethrown here.
   */
  boolean await(BooleanSupplier condition, Duration timeout) {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    scheduler.execute(() -> check(condition, done, deadline, FIRST_DELAY_MS));
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.cancel(false);
      return false;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void check(
      BooleanSupplier condition, CompletableFuture<Boolean> done, long deadline, long delayMs) {
    if (done.isDone()) {
      return;
    }
    try {
      if (condition.getAsBoolean()) {
        done.complete(true);
        return;
      }
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
      return;
    }
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left <= 0) {
      done.complete(false);
      return;
    }
    long next = Math.min(Math.min(delayMs * 3 / 2, MAX_DELAY_MS), left);
    scheduler.schedule(
        () -> check(condition, done, deadline, next),
        Math.min(delayMs, left),
        TimeUnit.MILLISECONDS);
  }
}
