package dev.cairn.controller;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exponential backoff per object after failed runs: the n-th consecutive failure waits {@code
 * retryInterval × 2^(n-1)}, never more than {@code max(interval, retryInterval)}. A success (or any
 * run that is not a failure) resets the count. Kept in memory: a restart starts again at the retry
 * interval.
 */
final class FailureBackoff {
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  /** Records a failure of {@code key} and returns how long to wait before the next run. */
  Duration failed(String key, Duration retryInterval, Duration interval) {
    int count = failures.merge(key, 1, (a, b) -> a + b);
    Duration cap = interval.compareTo(retryInterval) > 0 ? interval : retryInterval;
    // 2^30 overflows nothing in millis for sane intervals; beyond that the cap applies anyway
    int shift = Math.min(count - 1, 30);
    long millis = retryInterval.toMillis();
    if (millis > 0 && Long.numberOfLeadingZeros(millis) <= shift + 1) {
      return cap;
    }
    Duration delay = Duration.ofMillis(millis << shift);
    return delay.compareTo(cap) > 0 ? cap : delay;
  }

  /** Forgets the failures of {@code key} (it succeeded, stalled, waits, or is gone). */
  void reset(String key) {
    failures.remove(key);
  }

  /** Consecutive failures recorded for {@code key}. */
  int failures(String key) {
    return failures.getOrDefault(key, 0);
  }
}
