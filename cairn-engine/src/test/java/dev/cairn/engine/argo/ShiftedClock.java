package dev.cairn.engine.argo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock moved ahead by what a test asked for, so that backoffs pass without waiting. */
final class ShiftedClock extends Clock {
  private volatile Duration shift = Duration.ZERO;

  void advance(Duration by) {
    shift = shift.plus(by);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(shift);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
