package dev.cairn.controller;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.ReconcileStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flux's controller metrics, per object: {@code cairn_reconcile_duration_seconds} (timer), {@code
 * cairn_reconcile_condition{type="Ready",status=True|False|Unknown}} (1 for the current status, 0
 * for the others) and {@code cairn_suspend_status} (1 when suspended).
 */
final class ReconcileMetrics {
  static final String DURATION = "cairn.reconcile.duration";
  static final String CONDITION = "cairn.reconcile.condition";
  static final String SUSPEND = "cairn.suspend.status";
  private static final List<String> STATUSES = List.of("True", "False", "Unknown");

  private final MeterRegistry registry;
  private final Map<Tags, AtomicInteger> gauges = new ConcurrentHashMap<>();

  ReconcileMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records one finished run of {@code kind namespace/name}. */
  void recordRun(
      String kind,
      String namespace,
      String name,
      Duration took,
      ReconcileStatus status,
      boolean suspended) {
    Tags object = Tags.of("kind", kind, "name", name, "namespace", namespace);
    Timer.builder(DURATION)
        .description("How long reconciliations take")
        .tags(object)
        .register(registry)
        .record(took);
    String ready = readyStatus(status);
    for (String s : STATUSES) {
      gauge(CONDITION, object.and("type", ConditionTypes.READY, "status", s))
          .set(s.equals(ready) ? 1 : 0);
    }
    gauge(SUSPEND, object).set(suspended ? 1 : 0);
  }

  /** Removes the gauges of an object that is gone. */
  void forget(String kind, String namespace, String name) {
    Tags object = Tags.of("kind", kind, "name", name, "namespace", namespace);
    registry.getMeters().stream()
        .filter(m -> m.getId().getTags().containsAll(object.stream().toList()))
        .toList()
        .forEach(registry::remove);
    gauges.keySet().removeIf(tags -> tags.stream().toList().containsAll(object.stream().toList()));
  }

  private AtomicInteger gauge(String name, Tags tags) {
    return gauges.computeIfAbsent(
        tags.and("metric", name),
        key -> {
          AtomicInteger value = new AtomicInteger();
          Gauge.builder(name, value, AtomicInteger::get).tags(tags).register(registry);
          return value;
        });
  }

  private static String readyStatus(ReconcileStatus status) {
    if (status == null || status.getConditions() == null) {
      return "Unknown";
    }
    return status.getConditions().stream()
        .filter(c -> ConditionTypes.READY.equals(c.getType()))
        .map(Condition::getStatus)
        .findFirst()
        .orElse("Unknown");
  }
}
