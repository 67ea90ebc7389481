package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.kustomize.KustomizationStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepRunnerTest {
  private final List<String> called = new ArrayList<>();

  private Run<KustomizationStatus> run() {
    return new Run<>(
        new ResourceKey("Kustomization", "ns", "app"),
        1,
        Trigger.WATCH,
        List.of(),
        new KustomizationStatus(),
        Clock.systemUTC());
  }

  private Step<Run<KustomizationStatus>> step(String name, StepResult result) {
    return Step.of(
        name,
        r -> {
          called.add(name);
          return result;
        });
  }

  @Test
  void runsAllStepsInOrderWhenEachProceeds() {
    StepRunner<Run<KustomizationStatus>> runner =
        new StepRunner<>(List.of(step("a", StepResult.proceed()), step("b", StepResult.proceed())));

    RunOutcome outcome = runner.run(run());

    assertThat(called).containsExactly("a", "b");
    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.lastStep()).isEqualTo("b");
    assertThat(runner.names()).containsExactly("a", "b");
  }

  @Test
  void stopsAtARequeueAndReportsIt() {
    StepRunner<Run<KustomizationStatus>> runner =
        new StepRunner<>(
            List.of(
                step("a", StepResult.requeueAfter(Duration.ofSeconds(9))),
                step("b", StepResult.proceed())));

    RunOutcome outcome = runner.run(run());

    assertThat(called).containsExactly("a");
    assertThat(outcome.requestedRequeue()).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void stopsAtATypedErrorAndKeepsIt() {
    ReconcileException.Waiting waiting =
        new ReconcileException.Waiting("DependencyNotReady", "wait", Duration.ofSeconds(1));
    StepRunner<Run<KustomizationStatus>> runner =
        new StepRunner<>(
            List.of(
                Step.of(
                    "a",
                    r -> {
                      throw waiting;
                    }),
                step("b", StepResult.proceed())));

    RunOutcome outcome = runner.run(run());

    assertThat(called).isEmpty();
    assertThat(outcome.error()).isSameAs(waiting);
    assertThat(outcome.lastStep()).isEqualTo("a");
  }

  @Test
  void turnsAnUnexpectedExceptionIntoFailed() {
    StepRunner<Run<KustomizationStatus>> runner =
        new StepRunner<>(
            List.of(
                Step.of(
                    "boom",
                    r -> {
                      throw new IllegalStateException("broken invariant");
                    })));

    RunOutcome outcome = runner.run(run());

    assertThat(outcome.error()).isInstanceOf(ReconcileException.Failed.class);
    assertThat(outcome.error().reason()).isEqualTo("ReconciliationFailed");
    assertThat(outcome.error().getMessage()).isEqualTo("boom failed: broken invariant");
  }

  @Test
  void skipEndsTheRunWithoutSuccess() {
    StepRunner<Run<KustomizationStatus>> runner =
        new StepRunner<>(
            List.of(step("a", StepResult.skip("suspended")), step("b", StepResult.proceed())));

    RunOutcome outcome = runner.run(run());

    assertThat(called).containsExactly("a");
    assertThat(outcome.skipped()).isTrue();
    assertThat(outcome.succeeded()).isFalse();
  }
}
