package dev.cairn.notify;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the pipeline, read by the controller's metrics. Thread-safe. */
public final class PipelineStats {
  final AtomicLong received = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong sent = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong retried = new AtomicLong();

  /** Events handed to the pipeline. */
  public long received() {
    return received.get();
  }

  /** Events and notifications dropped because a queue was full (the oldest goes). */
  public long dropped() {
    return dropped.get();
  }

  /** Notifications not sent because an identical one went within the de-duplication window. */
  public long duplicates() {
    return duplicates.get();
  }

  /** Notifications a provider accepted. */
  public long sent() {
    return sent.get();
  }

  /** Notifications given up (retries spent, or an error retrying cannot fix). */
  public long failed() {
    return failed.get();
  }

  /** Attempts after a failed one. */
  public long retried() {
    return retried.get();
  }
}
