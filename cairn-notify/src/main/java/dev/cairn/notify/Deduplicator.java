package dev.cairn.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Flux's de-duplication: an event identical to one sent for the same Alert within the window (same
 * object, severity, reason, message and metadata) is sent once.
 */
final class Deduplicator {
  private final Duration window;
  private final Clock clock;
  private final Map<String, Instant> seen = new HashMap<>();

  Deduplicator(Duration window, Clock clock) {
    this.window = window;
    this.clock = clock;
  }

  /** True the first time within the window; records the event. */
  synchronized boolean firstTime(AlertRule alert, NotifyEvent event) {
    Instant now = clock.instant();
    for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
      if (it.next().plus(window).isBefore(now)) {
        it.remove();
      }
    }
    String key =
        String.join(
            "\u0000",
            alert.id(),
            event.object().id(),
            event.severity(),
            event.reason(),
            event.message(),
            event.metadata().toString());
    return seen.putIfAbsent(key, now) == null;
  }
}
