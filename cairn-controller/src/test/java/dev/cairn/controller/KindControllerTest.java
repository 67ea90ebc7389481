package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The adapter's rescheduling: the engine's requeue on success, waiting and stalling, the backoff
 * after consecutive failures (reset by a success), nothing for a gone object; and the trigger it
 * passes for a reconcile request.
 */
class KindControllerTest {
  private static final Duration RETRY = Duration.ofSeconds(30);
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final ScriptedReconciler engine = new ScriptedReconciler();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final KindController<Kustomization, KustomizationStatus> controller =
      new KindController<>(
          engine,
          List.of(),
          new ObjectFields(JSON),
          new FailureBackoff(),
          new ReconcileMetrics(registry));

  @Test
  void failuresBackOffUntilASuccessResetsThem() {
    Kustomization app = kustomization(null);
    engine.then(failed("BuildFailed"), failed("BuildFailed"), failed("HealthCheckFailed"));
    engine.then(succeeded(), failed("BuildFailed"));

    assertThat(delays(app, 5))
        .containsExactly(
            RETRY, RETRY.multipliedBy(2), RETRY.multipliedBy(4), Duration.ofMinutes(5), RETRY);
  }

  @Test
  void waitingForADependencyIsNotAFailure() {
    Kustomization app = kustomization(null);
    engine.then(failed("DependencyNotReady"), failed("DependencyNotReady"));
    assertThat(delays(app, 2)).containsExactly(RETRY, RETRY);
  }

  @Test
  void stalledAndGoneObjectsAreNotRescheduled() {
    Kustomization app = kustomization(null);
    KustomizationStatus stalled = status("False", "InvalidSpec");
    stalled.conditions(Clock.systemUTC()).markTrue("Stalled", "InvalidSpec", "bad", 1L);
    engine.results.add(Optional.of(new ReconcileResult<>(null, stalled, true)));
    engine.results.add(Optional.empty());

    assertThat(controller.reconcile(app, null).getScheduleDelay()).isEmpty();
    assertThat(controller.reconcile(app, null).getScheduleDelay()).isEmpty();
    assertThat(registry.find("cairn.reconcile.condition").gauges()).isEmpty();
  }

  @Test
  void aNewReconcileRequestIsPassedAsTheTrigger() {
    engine.then(succeeded(), succeeded());
    controller.reconcile(kustomization("now"), null);
    Kustomization handled = kustomization("now");
    handled.getStatus().setLastHandledReconcileAt("now");
    controller.reconcile(handled, null);
    assertThat(engine.triggers).containsExactly(Trigger.REQUEST, Trigger.INTERVAL);
    assertThat(
            registry
                .get("cairn.reconcile.condition")
                .tags("kind", "Kustomization", "status", "True")
                .gauge()
                .value())
        .isEqualTo(1.0);
  }

  private List<Duration> delays(Kustomization object, int runs) {
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      delays.add(
          controller
              .reconcile(object, null)
              .getScheduleDelay()
              .map(Duration::ofMillis)
              .orElse(null));
    }
    return delays;
  }

  private static Kustomization kustomization(String requestedAt) {
    String annotations =
        requestedAt == null ? "{}" : "{reconcile.cairn.dev/requestedAt: \"" + requestedAt + "\"}";
    Kustomization k =
        JSON.unmarshal(
            """
            apiVersion: cairn.dev/v1
            kind: Kustomization
            metadata: {name: app, namespace: ns, generation: 1, annotations: %s}
            spec:
              interval: 5m
              retryInterval: 30s
              sourceRef: {kind: GitRepository, name: repo}
              prune: true
            status: {observedGeneration: 1}
            """
                .formatted(annotations),
            Kustomization.class);
    return k;
  }

  private static Optional<ReconcileResult<KustomizationStatus>> failed(String reason) {
    return Optional.of(new ReconcileResult<>(RETRY, status("False", reason), true));
  }

  private static Optional<ReconcileResult<KustomizationStatus>> succeeded() {
    return Optional.of(
        new ReconcileResult<>(
            Duration.ofMinutes(5), status("True", "ReconciliationSucceeded"), true));
  }

  private static KustomizationStatus status(String ready, String reason) {
    KustomizationStatus status = new KustomizationStatus();
    if ("True".equals(ready)) {
      status.conditions(Clock.systemUTC()).markTrue("Ready", reason, "ok", 1L);
    } else {
      status.conditions(Clock.systemUTC()).markFalse("Ready", reason, "failed", 1L);
    }
    return status;
  }

  /** The engine's side of the contract, answering from a script. */
  private static final class ScriptedReconciler
      implements KindReconciler<Kustomization, KustomizationStatus> {
    final Deque<Optional<ReconcileResult<KustomizationStatus>>> results = new ArrayDeque<>();
    final List<Trigger> triggers = new ArrayList<>();

    @SafeVarargs
    final void then(Optional<ReconcileResult<KustomizationStatus>>... next) {
      results.addAll(List.of(next));
    }

    @Override
    public Class<Kustomization> resourceClass() {
      return Kustomization.class;
    }

    @Override
    public Optional<ReconcileResult<KustomizationStatus>> reconcile(
        String namespace, String name, Trigger trigger) {
      triggers.add(trigger);
      return results.removeFirst();
    }
  }
}
