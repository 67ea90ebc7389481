package dev.cairn.sim.cluster;

import java.time.Instant;

/**
 * The current time in whole seconds as the API server writes timestamps ({@code
 * 2024-05-01T12:00:00Z}); the text is made once a second, since every write stamps one.
 */
final class Timestamps {
  private record Second(long epochSecond, String text) {}

  private static volatile Second last = new Second(Long.MIN_VALUE, "");

  private Timestamps() {}

  static String now() {
    long epochSecond = Instant.now().getEpochSecond();
    Second second = last;
    if (second.epochSecond() != epochSecond) {
      second = new Second(epochSecond, Instant.ofEpochSecond(epochSecond).toString());
      last = second;
    }
    return second.text();
  }
}
