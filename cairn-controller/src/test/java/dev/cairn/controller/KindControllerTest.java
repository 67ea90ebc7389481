package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.ObjectReader;
import dev.cairn.engine.Outcome;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The adapter's rescheduling, read from the engine's typed outcome: the engine's requeue on
 * success, waiting and stalling, the backoff after consecutive failures (reset by a success),
 * nothing for a deleted object; and the trigger it passes for a reconcile request.
 */
class KindControllerTest {
  private static final Duration RETRY = Duration.ofSeconds(30);
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final ScriptedReconciler engine = new ScriptedReconciler();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicLong nanos = new AtomicLong();
  private final KindController<Kustomization, KustomizationStatus> controller =
      new KindController<>(
          engine,
          List.of(),
          new ObjectFields(JSON),
          new FailureBackoff(),
          new ReconcileMetrics(registry),
          new WatchedSources(
              new ObjectReader() {
                @Override
                public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
                  return null;
                }
              }),
          nanos::get);

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
  void waitingIsNotAFailureWhateverItsReason() {
    Kustomization app = kustomization(null);
    engine.then(waiting("DependencyNotReady"), waiting("BuildFailed"), waiting("Anything"));
    assertThat(delays(app, 3)).containsExactly(RETRY, RETRY, RETRY);
  }

  @Test
  void theOutcomeDecidesNotTheReasonString() {
    Kustomization app = kustomization(null);
    // a failure whose reason reads like a wait still backs off: only the typed outcome counts
    engine.then(failed("DependencyNotReady"), failed("DependencyNotReady"));
    assertThat(delays(app, 2)).containsExactly(RETRY, RETRY.multipliedBy(2));
  }

  @Test
  void waitsAndStallsResetTheBackoff() {
    Kustomization app = kustomization(null);
    engine.then(failed("BuildFailed"), failed("BuildFailed"), waiting("DependencyNotReady"));
    engine.then(failed("BuildFailed"), stalled(), failed("BuildFailed"));
    assertThat(delays(app, 6))
        .containsExactly(RETRY, RETRY.multipliedBy(2), RETRY, RETRY, null, RETRY);
  }

  @Test
  void stalledAndDeletedObjectsAreNotRescheduled() {
    Kustomization app = kustomization(null);
    engine.then(stalled());

    assertThat(controller.reconcile(app, null).getScheduleDelay()).isEmpty();
    assertThat(controller.reconcile(app, deleted()).getScheduleDelay()).isEmpty();
    assertThat(engine.triggers).hasSize(1);
    assertThat(registry.find("cairn.reconcile.condition").gauges()).isEmpty();
  }

  @Test
  void aNewReconcileRequestIsPassedAsTheTrigger() {
    engine.then(succeeded(), succeeded());
    controller.reconcile(kustomization("now"), null);
    Kustomization handled = kustomization("now");
    handled.getStatus().setLastHandledReconcileAt("now");
    nanos.addAndGet(Duration.ofMinutes(5).toNanos());
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

  @Test
  void anEventWithNothingNewBeforeTheIntervalIsNotARun() {
    Kustomization app = kustomization(null);
    engine.then(succeeded());
    controller.reconcile(app, null);
    nanos.addAndGet(Duration.ofSeconds(30).toNanos());

    // a timer or source event that fired while the run was queued: the run already covered it
    Optional<Long> delay = controller.reconcile(app, null).getScheduleDelay();

    assertThat(engine.triggers).hasSize(1);
    assertThat(delay).contains(Duration.ofMinutes(5).minusSeconds(30).toMillis());
  }

  @Test
  void aRequestANewGenerationOrTheIntervalStillRun() {
    engine.then(succeeded(), succeeded(), succeeded(), succeeded());
    controller.reconcile(kustomization(null), null);
    controller.reconcile(kustomization("now"), null);
    Kustomization changed = kustomization(null);
    changed.getMetadata().setGeneration(2L);
    controller.reconcile(changed, null);
    nanos.addAndGet(Duration.ofMinutes(5).toNanos());
    controller.reconcile(kustomization(null), null);

    assertThat(engine.triggers)
        .containsExactly(Trigger.INTERVAL, Trigger.REQUEST, Trigger.WATCH, Trigger.INTERVAL);
  }

  @Test
  void afterAFailureEveryEventIsARun() {
    Kustomization app = kustomization(null);
    engine.then(succeeded(), failed("BuildFailed"), succeeded());
    controller.reconcile(app, null);
    nanos.addAndGet(Duration.ofMinutes(5).toNanos());
    controller.reconcile(app, null);
    controller.reconcile(app, null);

    assertThat(engine.triggers).hasSize(3);
  }

  /** Runs {@code runs} times, each when the delay the one before asked for has passed. */
  private List<Duration> delays(Kustomization object, int runs) {
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Duration delay =
          controller
              .reconcile(object, null)
              .getScheduleDelay()
              .map(Duration::ofMillis)
              .orElse(null);
      delays.add(delay);
      nanos.addAndGet(delay == null ? 0 : delay.toNanos());
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

  private static ReconcileResult<KustomizationStatus> failed(String reason) {
    return new ReconcileResult<>(Outcome.FAILED, RETRY, status("False", reason), true);
  }

  private static ReconcileResult<KustomizationStatus> waiting(String reason) {
    return new ReconcileResult<>(Outcome.WAITING, RETRY, status("False", reason), true);
  }

  private static ReconcileResult<KustomizationStatus> stalled() {
    KustomizationStatus status = status("False", "InvalidSpec");
    status.conditions(Clock.systemUTC()).markTrue("Stalled", "InvalidSpec", "bad", 1L);
    return new ReconcileResult<>(Outcome.STALLED, null, status, true);
  }

  private static ReconcileResult<KustomizationStatus> succeeded() {
    return new ReconcileResult<>(
        Outcome.SUCCEEDED, Duration.ofMinutes(5), status("True", "ReconciliationSucceeded"), true);
  }

  /** The SDK's context for the event of an object that is gone from the cluster. */
  @SuppressWarnings("unchecked")
  private static Context<Kustomization> deleted() {
    return (Context<Kustomization>)
        Proxy.newProxyInstance(
            KindControllerTest.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) -> {
              if (method.getName().equals("isPrimaryResourceDeleted")) {
                return true;
              }
              throw new UnsupportedOperationException(method.getName());
            });
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
    final Deque<ReconcileResult<KustomizationStatus>> results = new ArrayDeque<>();
    final List<Trigger> triggers = new ArrayList<>();

    @SafeVarargs
    final void then(ReconcileResult<KustomizationStatus>... next) {
      results.addAll(List.of(next));
    }

    @Override
    public Class<Kustomization> resourceClass() {
      return Kustomization.class;
    }

    @Override
    public ReconcileResult<KustomizationStatus> reconcile(Kustomization object, Trigger trigger) {
      triggers.add(trigger);
      return results.removeFirst();
    }

    @Override
    public Optional<ReconcileResult<KustomizationStatus>> reconcile(
        String namespace, String name, Trigger trigger) {
      throw new AssertionError("the controller hands the object it has; it is never read again");
    }
  }
}
