package dev.cairn.engine.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HistoryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void sameDigestUpdatesItsEntryAndMovesItFirst() {
    List<HistoryEntry> h =
        History.record(
            null, "sha256:a", "main@sha1:1", "ReconciliationSucceeded", Duration.ofMillis(10), T0);
    h =
        History.record(
            h,
            "sha256:b",
            "main@sha1:2",
            "HealthCheckFailed",
            Duration.ofMillis(10),
            T0.plusSeconds(60));
    h =
        History.record(
            h,
            "sha256:a",
            "main@sha1:3",
            "ReconciliationSucceeded",
            Duration.ofMillis(1500),
            T0.plusSeconds(120));

    assertThat(h).extracting(HistoryEntry::digest).containsExactly("sha256:a", "sha256:b");
    HistoryEntry first = h.get(0);
    assertThat(first.totalReconciliations()).isEqualTo(2L);
    assertThat(first.firstReconciled()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(first.lastReconciled()).isEqualTo("2026-01-01T00:02:00Z");
    assertThat(first.lastReconciledDuration()).isEqualTo("1.500s");
    assertThat(first.metadata()).containsEntry("revision", "main@sha1:3");
  }

  @Test
  void aRunThatRepeatsTheNewestEntryChangesNothing() {
    List<HistoryEntry> h =
        History.record(
            null, "sha256:a", "main@sha1:1", "ReconciliationSucceeded", Duration.ofMillis(10), T0);

    List<HistoryEntry> again =
        History.record(
            h,
            "sha256:a",
            "main@sha1:1",
            "ReconciliationSucceeded",
            Duration.ofMillis(20),
            T0.plusSeconds(600));

    assertThat(again).isEqualTo(h);
    List<HistoryEntry> newRevision =
        History.record(
            h,
            "sha256:a",
            "main@sha1:2",
            "ReconciliationSucceeded",
            Duration.ofMillis(20),
            T0.plusSeconds(600));
    assertThat(newRevision.get(0).totalReconciliations()).isEqualTo(2L);
    assertThat(newRevision.get(0).metadata()).containsEntry("revision", "main@sha1:2");
  }

  @Test
  void keepsTheFiveNewestDigests() {
    List<HistoryEntry> h = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      h =
          History.record(
              h,
              "sha256:" + i,
              "r" + i,
              "ReconciliationSucceeded",
              Duration.ZERO,
              T0.plusSeconds(i));
    }
    assertThat(h)
        .extracting(HistoryEntry::digest)
        .containsExactly("sha256:6", "sha256:5", "sha256:4", "sha256:3", "sha256:2");
  }

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of(Duration.ZERO, "0ms"),
        Arguments.of(Duration.ofMillis(250), "250ms"),
        Arguments.of(Duration.ofMillis(1000), "1.000s"),
        Arguments.of(Duration.ofMillis(61234), "61.234s"));
  }

  @ParameterizedTest
  @MethodSource("durations")
  void formatsDurations(Duration duration, String text) {
    assertThat(History.formatDuration(duration)).isEqualTo(text);
  }
}
