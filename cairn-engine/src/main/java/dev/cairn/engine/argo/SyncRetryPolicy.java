package dev.cairn.engine.argo;

import dev.cairn.api.FluxDuration;
import dev.cairn.api.argo.SyncRetry;
import dev.cairn.api.argo.SyncRetryBackoff;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code syncPolicy.retry} as Argo CD applies it: after a failed sync, attempt {@code n} (counting
 * from 1) waits {@code duration × factor^(n-1)}, at most {@code maxDuration} (defaults 5s, 2, 3m);
 * a negative {@code limit} retries forever. Pure.
 */
record SyncRetryPolicy(long limit, Duration duration, long factor, Duration maxDuration) {
  static final Duration DEFAULT_DURATION = Duration.ofSeconds(5);
  static final long DEFAULT_FACTOR = 2;
  static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(3);
  private static final DateTimeFormatter KITCHEN =
      DateTimeFormatter.ofPattern("h:mma", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * The policy of {@code retry}, or null when there is none.
   *
   * @throws IllegalArgumentException naming the field that is not a duration or factor
   */
  static SyncRetryPolicy of(SyncRetry retry) {
    if (retry == null) {
      return null;
    }
    SyncRetryBackoff backoff = retry.backoff();
    Duration duration = DEFAULT_DURATION;
    Duration max = DEFAULT_MAX_DURATION;
    long factor = DEFAULT_FACTOR;
    if (backoff != null) {
      duration = parse(backoff.duration(), "duration", DEFAULT_DURATION);
      max = parse(backoff.maxDuration(), "maxDuration", DEFAULT_MAX_DURATION);
      if (backoff.factor() != null) {
        if (backoff.factor() < 1) {
          throw new IllegalArgumentException(
              "spec.syncPolicy.retry.backoff.factor must be at least 1, not " + backoff.factor());
        }
        factor = backoff.factor();
      }
    }
    return new SyncRetryPolicy(retry.limit() == null ? 0 : retry.limit(), duration, factor, max);
  }

  /** Argo CD reads a plain number as seconds, else a Go duration ({@code 5s}, {@code 3m0s}). */
  private static Duration parse(String text, String field, Duration fallback) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    if (text.chars().allMatch(Character::isDigit)) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    try {
      return FluxDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "spec.syncPolicy.retry.backoff." + field + ": " + e.getMessage());
    }
  }

  /** Whether another attempt follows {@code retriesSoFar} retries. */
  boolean retriesAfter(long retriesSoFar) {
    return limit < 0 || retriesSoFar < limit;
  }

  /** The wait before retry number {@code attempt} (1 for the first retry). */
  Duration delay(long attempt) {
    double nanos = duration.toNanos() * Math.pow(factor, Math.max(0, attempt - 1));
    if (!maxDuration.isZero() && nanos > maxDuration.toNanos()) {
      return maxDuration;
    }
    return Duration.ofNanos((long) Math.min(nanos, Long.MAX_VALUE));
  }

  /** Argo CD's message of a scheduled retry. */
  static String retryingMessage(String failure, long attempt, Instant at) {
    return failure + ". Retrying attempt #" + attempt + " at " + KITCHEN.format(at) + ".";
  }

  /** Argo CD's message once the limit is reached. */
  static String retriedMessage(String failure, long retries) {
    return failure + " (retried " + retries + " times).";
  }
}
