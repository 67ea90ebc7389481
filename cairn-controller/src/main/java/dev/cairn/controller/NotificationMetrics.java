package dev.cairn.controller;

import dev.cairn.notify.NotificationPipeline;
import dev.cairn.notify.PipelineStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The notification pipeline's counters in {@code /metrics}: {@code
 * cairn_notification_events_received_total}, {@code _dropped_total} (queues full, oldest dropped),
 * {@code _duplicates_total}, {@code _sent_total}, {@code _failed_total}, {@code _retries_total},
 * and the gauge {@code cairn_notification_queued}. No label carries a Provider's address or secret.
 */
final class NotificationMetrics {
  private NotificationMetrics() {}

  static void register(MeterRegistry registry, NotificationPipeline pipeline) {
    PipelineStats stats = pipeline.stats();
    counter(registry, "cairn.notification.events.received", stats, PipelineStats::received);
    counter(registry, "cairn.notification.dropped", stats, PipelineStats::dropped);
    counter(registry, "cairn.notification.duplicates", stats, PipelineStats::duplicates);
    counter(registry, "cairn.notification.sent", stats, PipelineStats::sent);
    counter(registry, "cairn.notification.failed", stats, PipelineStats::failed);
    counter(registry, "cairn.notification.retries", stats, PipelineStats::retried);
    Gauge.builder("cairn.notification.queued", pipeline, NotificationPipeline::queued)
        .description("Events and notifications waiting in the pipeline's queues")
        .register(registry);
  }

  private static void counter(
      MeterRegistry registry,
      String name,
      PipelineStats stats,
      ToDoubleFunction<PipelineStats> value) {
    FunctionCounter.builder(name, stats, value).register(registry);
  }
}
