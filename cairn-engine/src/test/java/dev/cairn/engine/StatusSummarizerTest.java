package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.Conditions;
import dev.cairn.api.kustomize.KustomizationStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusSummarizerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Duration INTERVAL = Duration.ofMinutes(10);
  private static final Duration RETRY = Duration.ofMinutes(2);

  private static Run<KustomizationStatus> run(KustomizationStatus status) {
    Run<KustomizationStatus> run =
        new Run<>(
            new ResourceKey("Kustomization", "ns", "app"),
            3,
            Trigger.INTERVAL,
            List.of(),
            status,
            CLOCK);
    run.intervals(INTERVAL, RETRY);
    return run;
  }

  static Stream<Arguments> outcomes() {
    return Stream.of(
        Arguments.of(
            "success",
            new RunOutcome("last", StepResult.proceed(), null),
            "True",
            "ReconciliationSucceeded",
            null,
            null,
            INTERVAL,
            3L),
        Arguments.of(
            "step asked for an early requeue",
            new RunOutcome("last", StepResult.requeueAfter(Duration.ofSeconds(5)), null),
            "True",
            "ReconciliationSucceeded",
            null,
            null,
            Duration.ofSeconds(5),
            3L),
        Arguments.of(
            "waiting for a dependency",
            new RunOutcome(
                "deps",
                null,
                new ReconcileException.Waiting(
                    "DependencyNotReady",
                    "dependency 'ns/infra' is not ready",
                    Duration.ofSeconds(30))),
            "False",
            "DependencyNotReady",
            "True",
            null,
            Duration.ofSeconds(30),
            1L),
        Arguments.of(
            "failed build",
            new RunOutcome(
                "render", null, new ReconcileException.Failed("BuildFailed", "bad yaml")),
            "False",
            "BuildFailed",
            "True",
            null,
            RETRY,
            1L),
        Arguments.of(
            "stalled on a cycle",
            new RunOutcome(
                "deps", null, new ReconcileException.Stalled("DependencyCycle", "a -> b -> a")),
            "False",
            "DependencyCycle",
            null,
            "True",
            null,
            3L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void derivesConditionsAndRequeue(
      String name,
      RunOutcome outcome,
      String ready,
      String reason,
      String reconciling,
      String stalled,
      Duration requeue,
      Long observedGeneration) {
    KustomizationStatus status = new KustomizationStatus();
    status.setObservedGeneration(1L);
    Run<KustomizationStatus> run = run(status);
    run.succeedWith("Applied revision: main@sha1:abc");

    ReconcileResult<KustomizationStatus> result =
        new StatusSummarizer("ReconciliationSucceeded").summarize(run, outcome);

    Conditions conditions = result.status().conditions(CLOCK);
    Condition readyCondition = conditions.get("Ready").orElseThrow();
    assertThat(readyCondition.getStatus()).isEqualTo(ready);
    assertThat(readyCondition.getReason()).isEqualTo(reason);
    assertThat(readyCondition.getObservedGeneration()).isEqualTo(3L);
    assertThat(conditions.get("Reconciling").map(Condition::getStatus))
        .isEqualTo(Optional.ofNullable(reconciling));
    assertThat(conditions.get("Stalled").map(Condition::getStatus))
        .isEqualTo(Optional.ofNullable(stalled));
    assertThat(result.requeueAfter()).isEqualTo(requeue);
    assertThat(result.status().getObservedGeneration()).isEqualTo(observedGeneration);
    assertThat(result.patchStatus()).isTrue();
    if (outcome.error() == null) {
      assertThat(readyCondition.getMessage()).isEqualTo("Applied revision: main@sha1:abc");
    } else {
      assertThat(readyCondition.getMessage()).isEqualTo(outcome.error().getMessage());
    }
  }

  @Test
  void skippedRunLeavesStatusAloneAndDoesNotRequeue() {
    KustomizationStatus status = new KustomizationStatus();
    Run<KustomizationStatus> run = run(status);

    ReconcileResult<KustomizationStatus> result =
        new StatusSummarizer("ReconciliationSucceeded")
            .summarize(run, new RunOutcome("checkSuspend", StepResult.skip("suspended"), null));

    assertThat(result.patchStatus()).isFalse();
    assertThat(result.requeue()).isFalse();
    assertThat(status.getConditions()).isNull();
  }

  @Test
  void deferredRunLeavesStatusAloneAndLooksAgainWhenAsked() throws Exception {
    KustomizationStatus status = new KustomizationStatus();
    status.conditions(CLOCK).markTrue("Ready", "ReconciliationSucceeded", "Applied", 3L);
    ObjectMapper json = new ObjectMapper();
    String before = json.writeValueAsString(status);

    ReconcileResult<KustomizationStatus> result =
        new StatusSummarizer("ReconciliationSucceeded")
            .summarize(
                run(status),
                new RunOutcome(
                    "awaitArtifact", StepResult.defer(Duration.ofSeconds(2), "not here"), null));

    assertThat(result.patchStatus()).isFalse();
    assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(json.writeValueAsString(status)).isEqualTo(before).contains("Applied");
  }

  @Test
  void copiesOwnedConditionsAndRemovesStaleOnes() {
    KustomizationStatus status = new KustomizationStatus();
    status.conditions(CLOCK).markTrue("Stalled", "Old", "old", 1L);
    status.conditions(CLOCK).markFalse("Healthy", "HealthCheckFailed", "old", 1L);
    Run<KustomizationStatus> run = run(status);
    run.own(OwnedCondition.removed("Healthy"));
    run.own(OwnedCondition.isTrue("ArtifactInStorage", "Succeeded", "stored"));

    new StatusSummarizer("Succeeded")
        .summarize(run, new RunOutcome("last", StepResult.proceed(), null));

    Conditions conditions = status.conditions(CLOCK);
    assertThat(conditions.get("Healthy")).isEmpty();
    assertThat(conditions.get("Stalled")).isEmpty();
    assertThat(conditions.get("ArtifactInStorage").map(Condition::getReason)).contains("Succeeded");
    assertThat(conditions.get("Ready").map(Condition::getReason)).contains("Succeeded");
  }
}
