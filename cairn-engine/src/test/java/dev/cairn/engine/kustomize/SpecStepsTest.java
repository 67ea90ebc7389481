package dev.cairn.engine.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec step ({@code checkSpec}) and the run's interval defaults, alone. */
class SpecStepsTest {

  private static KustomizationRun run(String interval, String retry, String timeout) {
    Kustomization k = new Kustomization();
    k.setMetadata(
        new ObjectMetaBuilder().withName("app").withNamespace("ns").withGeneration(2L).build());
    k.setSpec(
        new KustomizationSpec(
            null, null, null, interval, retry, null, null, null, true, null, null, null, null, null,
            null, null, null, null, null, timeout, null, null, null, null, null, null, null));
    return new KustomizationRun(
        k, Trigger.WATCH, new KustomizationStatus(), Clock.systemUTC(), ApplyOptions.defaults());
  }

  @ParameterizedTest(name = "interval={0} retryInterval={1} timeout={2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "10m, -, -, PT10M, PT10M",
        "10m, 30s, -, PT30S, PT10M",
        "1h, 2m, 90s, PT2M, PT1M30S",
        "0.5s, -, 1m30s, PT0.5S, PT1M30S",
      })
  void defaultsRetryAndTimeoutToTheInterval(
      String interval,
      String retry,
      String timeout,
      Duration expectedRetry,
      Duration expectedTimeout) {
    KustomizationRun run = run(interval, retry, timeout);

    assertThat(KustomizationSpecStep.checkSpec(run)).isEqualTo(StepResult.proceed());
    assertThat(run.retryInterval()).isEqualTo(expectedRetry);
    assertThat(run.timeout()).isEqualTo(expectedTimeout);
    assertThat(run.generation()).isEqualTo(2L);
  }

  @ParameterizedTest(name = "interval={0} retryInterval={1} timeout={2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "10x, -, -, spec.interval",
        "10m, soon, -, spec.retryInterval",
        "10m, 1m, 5d, spec.timeout",
      })
  void stallsOnAMalformedDuration(String interval, String retry, String timeout, String field) {
    KustomizationRun run = run(interval, retry, timeout);

    assertThatThrownBy(() -> KustomizationSpecStep.checkSpec(run))
        .isInstanceOf(ReconcileException.Stalled.class)
        .hasMessageStartingWith(field + ": ")
        .extracting(e -> ((ReconcileException) e).reason())
        .isEqualTo("InvalidSpec");
  }
}
