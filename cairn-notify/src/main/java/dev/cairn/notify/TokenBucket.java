package dev.cairn.notify;

import java.util.concurrent.locks.LockSupport;

/** A token bucket: {@code burst} calls at once, then {@code perSecond} on average. One thread. */
final class TokenBucket {
  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;

  TokenBucket(double perSecond, int burst) {
    this.perNano = perSecond / 1e9;
    this.burst = Math.max(1, burst);
    this.tokens = this.burst;
    this.last = System.nanoTime();
  }

  /** Takes a token, parking the calling thread until one is there. */
  void acquire() throws InterruptedException {
    while (true) {
      long now = System.nanoTime();
      tokens = Math.min(burst, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      LockSupport.parkNanos((long) ((1 - tokens) / perNano));
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
