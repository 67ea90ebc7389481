package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00.750Z"));
  private final List<Condition> list = new ArrayList<>();
  private final Conditions conditions = new Conditions(list, clock);

  @Test
  void newConditionGetsTransitionTimeInSeconds() {
    conditions.markTrue(ConditionTypes.READY, ConditionReasons.RECONCILIATION_SUCCEEDED, "ok", 2L);

    Condition ready = conditions.get(ConditionTypes.READY).orElseThrow();
    assertThat(ready.getLastTransitionTime()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getObservedGeneration()).isEqualTo(2L);
    assertThat(list).hasSize(1);
  }

  @Test
  void sameStatusKeepsTransitionTimeButUpdatesReasonAndMessage() {
    conditions.markFalse(ConditionTypes.READY, ConditionReasons.PROGRESSING, "working", 1L);
    clock.now = Instant.parse("2026-11-20T10:05:00Z");

    conditions.markFalse(ConditionTypes.READY, ConditionReasons.BUILD_FAILED, "broken", 2L);

    Condition ready = conditions.get(ConditionTypes.READY).orElseThrow();
    assertThat(ready.getLastTransitionTime()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(ready.getReason()).isEqualTo("BuildFailed");
    assertThat(ready.getMessage()).isEqualTo("broken");
    assertThat(ready.getObservedGeneration()).isEqualTo(2L);
    assertThat(list).hasSize(1);
  }

  @Test
  void statusChangeMovesTransitionTime() {
    conditions.markFalse(ConditionTypes.READY, ConditionReasons.PROGRESSING, "working", 1L);
    clock.now = Instant.parse("2026-11-20T10:05:00Z");

    conditions.markTrue(ConditionTypes.READY, ConditionReasons.RECONCILIATION_SUCCEEDED, "ok", 1L);

    assertThat(conditions.get(ConditionTypes.READY).orElseThrow().getLastTransitionTime())
        .isEqualTo("2026-11-20T10:05:00Z");
    assertThat(conditions.isTrue(ConditionTypes.READY)).isTrue();
    assertThat(conditions.isFalse(ConditionTypes.READY)).isFalse();
  }

  @Test
  void typesAreIndependentAndRemovable() {
    conditions.markTrue(ConditionTypes.RECONCILING, ConditionReasons.PROGRESSING, "go", 1L);
    conditions.markUnknown(ConditionTypes.READY, ConditionReasons.PROGRESSING, "go", 1L);

    assertThat(conditions.remove(ConditionTypes.RECONCILING)).isTrue();
    assertThat(conditions.remove(ConditionTypes.RECONCILING)).isFalse();
    assertThat(list).extracting(Condition::getType).containsExactly("Ready");
    assertThat(conditions.get(ConditionTypes.READY).orElseThrow().getStatus()).isEqualTo("Unknown");
    assertThat(conditions.isTrue(ConditionTypes.STALLED)).isFalse();
  }

  @Test
  void statusViewCreatesTheListOnce() {
    var status = new dev.cairn.api.kustomize.KustomizationStatus();

    status.conditions(clock).markTrue(ConditionTypes.HEALTHY, ConditionReasons.SUCCEEDED, "", 1L);
    status.conditions(clock).markTrue(ConditionTypes.READY, ConditionReasons.SUCCEEDED, "", 1L);

    assertThat(status.getConditions())
        .extracting(Condition::getType)
        .containsExactly("Healthy", "Ready");
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
