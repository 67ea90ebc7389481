package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureBackoffTest {
  private static final Duration RETRY = Duration.ofSeconds(30);
  private static final Duration INTERVAL = Duration.ofMinutes(5);

  @Test
  void doublesPerConsecutiveFailureUpToTheLongerInterval() {
    FailureBackoff backoff = new FailureBackoff();
    assertThat(backoff.failed("a", RETRY, INTERVAL)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.failed("a", RETRY, INTERVAL)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.failed("a", RETRY, INTERVAL)).isEqualTo(Duration.ofSeconds(120));
    assertThat(backoff.failed("a", RETRY, INTERVAL)).isEqualTo(Duration.ofSeconds(240));
    assertThat(backoff.failed("a", RETRY, INTERVAL)).isEqualTo(INTERVAL);
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.failed("a", RETRY, INTERVAL)).isEqualTo(INTERVAL);
    }
    assertThat(backoff.failures("a")).isEqualTo(105);
  }

  @Test
  void aRetryIntervalLongerThanTheIntervalIsItsOwnCap() {
    FailureBackoff backoff = new FailureBackoff();
    Duration retry = Duration.ofMinutes(10);
    assertThat(backoff.failed("a", retry, INTERVAL)).isEqualTo(retry);
    assertThat(backoff.failed("a", retry, INTERVAL)).isEqualTo(retry);
  }

  @Test
  void successResetsOnlyThatObject() {
    FailureBackoff backoff = new FailureBackoff();
    backoff.failed("a", RETRY, INTERVAL);
    backoff.failed("a", RETRY, INTERVAL);
    backoff.failed("b", RETRY, INTERVAL);
    backoff.reset("a");
    assertThat(backoff.failed("a", RETRY, INTERVAL)).isEqualTo(RETRY);
    assertThat(backoff.failed("b", RETRY, INTERVAL)).isEqualTo(Duration.ofSeconds(60));
  }
}
