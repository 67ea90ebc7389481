package dev.cairn.controller;

import dev.cairn.engine.secrets.SealingKeyring;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an active sealing key: makes one at start when there is none, then looks every hour (or
 * every renew period, when shorter) whether the newest key is due for renewal.
 */
final class SealingKeyRenewal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SealingKeyRenewal.class);
  private static final Duration MAX_CHECK = Duration.ofHours(1);

  private final SealingKeyring keyring;
  private final Duration renewPeriod;
  private ScheduledExecutorService timer;

  SealingKeyRenewal(SealingKeyring keyring, Duration renewPeriod) {
    this.keyring = keyring;
    this.renewPeriod = renewPeriod;
  }

  /** Ensures a key now (so the first SealedSecret finds one), then checks on a timer. */
  synchronized void start() {
    if (timer != null) {
      return;
    }
    renew();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "cairn-sealing-keys");
              thread.setDaemon(true);
              return thread;
            });
    if (!renewPeriod.isZero()) {
      long every = (renewPeriod.compareTo(MAX_CHECK) < 0 ? renewPeriod : MAX_CHECK).toMillis();
      timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }
  }

  private void renew() {
    try {
      keyring.ensureActive(renewPeriod);
    } catch (RuntimeException e) {
      LOG.warn(
          "cannot make a sealing key in namespace {}: {}", keyring.namespace(), e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
