package dev.cairn.engine.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.argo.SyncRetry;
import dev.cairn.api.argo.SyncRetryBackoff;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncRetryPolicyTest {
  @Test
  void defaultsAreArgoCdsAndTheDelayGrowsByTheFactorUpToTheMaximum() {
    SyncRetryPolicy policy = SyncRetryPolicy.of(new SyncRetry(5L, null, null));
    assertThat(policy.delay(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.delay(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.delay(6)).isEqualTo(Duration.ofSeconds(160));
    assertThat(policy.delay(7)).isEqualTo(Duration.ofMinutes(3));
    assertThat(policy.retriesAfter(4)).isTrue();
    assertThat(policy.retriesAfter(5)).isFalse();
  }

  @Test
  void backoffTakesGoDurationsOrSecondsAndANegativeLimitRetriesForever() {
    SyncRetryPolicy policy =
        SyncRetryPolicy.of(new SyncRetry(-1L, new SyncRetryBackoff("30", 3L, "1m0s"), null));
    assertThat(policy.delay(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.delay(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.retriesAfter(1_000)).isTrue();
    assertThat(SyncRetryPolicy.of(new SyncRetry(null, null, null)).retriesAfter(0)).isFalse();
    assertThat(SyncRetryPolicy.of(null)).isNull();
  }

  @Test
  void invalidBackoffIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                SyncRetryPolicy.of(
                    new SyncRetry(1L, new SyncRetryBackoff("soon", null, null), null)))
        .hasMessageStartingWith("spec.syncPolicy.retry.backoff.duration: duration 'soon'");
    assertThatThrownBy(
            () -> SyncRetryPolicy.of(new SyncRetry(1L, new SyncRetryBackoff(null, 0L, null), null)))
        .hasMessage("spec.syncPolicy.retry.backoff.factor must be at least 1, not 0");
  }

  @Test
  void messagesAreArgoCds() {
    Instant at = Instant.parse("2026-12-07T15:04:30Z");
    assertThat(SyncRetryPolicy.retryingMessage("one or more objects failed to apply", 2, at))
        .isEqualTo("one or more objects failed to apply. Retrying attempt #2 at 3:04PM.");
    assertThat(SyncRetryPolicy.retriedMessage("failed", 3)).isEqualTo("failed (retried 3 times).");
  }
}
