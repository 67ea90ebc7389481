package dev.cairn.notify;

import java.time.Duration;

/**
 * How the pipeline queues, retries and limits.
 *
 * @param queueCapacity events waiting per queue (the intake and each Provider's); beyond it the
 *     oldest is dropped
 * @param dedupWindow an identical event (same object, severity, reason, message, metadata) for the
 *     same Alert within this window is sent once
 * @param maxAttempts calls per notification before it is given up
 * @param firstBackoff the wait before the second attempt; doubled per attempt up to {@code
 *     maxBackoff}
 * @param ratePerSecond notifications per second per Provider (a token bucket of {@code burst})
 * @param regexLimit the time one inclusion/exclusion expression may take on one message
 */
public record PipelineOptions(
    int queueCapacity,
    Duration dedupWindow,
    int maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff,
    double ratePerSecond,
    int burst,
    Duration regexLimit) {

  public static PipelineOptions defaults() {
    return new PipelineOptions(
        1000,
        Duration.ofMinutes(5),
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        5,
        20,
        Duration.ofMillis(100));
  }

  public PipelineOptions withQueueCapacity(int value) {
    return new PipelineOptions(
        value,
        dedupWindow,
        maxAttempts,
        firstBackoff,
        maxBackoff,
        ratePerSecond,
        burst,
        regexLimit);
  }

  public PipelineOptions withDedupWindow(Duration value) {
    return new PipelineOptions(
        queueCapacity,
        value,
        maxAttempts,
        firstBackoff,
        maxBackoff,
        ratePerSecond,
        burst,
        regexLimit);
  }

  public PipelineOptions withRetries(int attempts, Duration first, Duration max) {
    return new PipelineOptions(
        queueCapacity, dedupWindow, attempts, first, max, ratePerSecond, burst, regexLimit);
  }

  public PipelineOptions withRate(double perSecond, int burstSize) {
    return new PipelineOptions(
        queueCapacity,
        dedupWindow,
        maxAttempts,
        firstBackoff,
        maxBackoff,
        perSecond,
        burstSize,
        regexLimit);
  }

  public PipelineOptions withRegexLimit(Duration value) {
    return new PipelineOptions(
        queueCapacity,
        dedupWindow,
        maxAttempts,
        firstBackoff,
        maxBackoff,
        ratePerSecond,
        burst,
        value);
  }
}
