package dev.cairn.notify;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A bounded queue whose {@link #offer} never blocks: when full, the oldest element is dropped (and
 * counted) to make room.
 */
final class DropOldestQueue<T> {
  private final ArrayDeque<T> items = new ArrayDeque<>();
  private final int capacity;
  private final PipelineStats stats;

  DropOldestQueue(int capacity, PipelineStats stats) {
    this.capacity = Math.max(1, capacity);
    this.stats = stats;
  }

  synchronized void offer(T item) {
    if (items.size() >= capacity) {
      items.pollFirst();
      stats.dropped.incrementAndGet();
    }
    items.addLast(item);
    notifyAll();
  }

  /** The oldest element, waiting up to {@code millis}; null when none came. */
  synchronized T poll(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (items.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return items.pollFirst();
  }

  synchronized int size() {
    return items.size();
  }
}
