package dev.cairn.bench;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reconcile latency from the runtime's own timer {@code cairn.reconcile.duration} (one timer per
 * object, tagged kind, namespace and name): between two snapshots, each object's runs and their
 * total time; the percentiles are over objects, of each object's mean run time in the interval (an
 * object that ran twice, once for a request and once for its own status change, counts once with
 * the mean of both). The timers keep no histogram, so no per-run percentiles.
 */
final class ReconcileLatency {
  static final String TIMER = "cairn.reconcile.duration";

  /** Runs and total nanoseconds per object, at one moment. */
  record Snapshot(Map<String, long[]> byObject) {}

  /** The result for one interval. */
  record Summary(int objects, long runs, double p50Ms, double p99Ms, double maxMs) {
    String format() {
      return String.format(
          Locale.ROOT,
          "p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d objects, %d runs)",
          p50Ms,
          p99Ms,
          maxMs,
          objects,
          runs);
    }
  }

  private ReconcileLatency() {}

  /** How many objects of {@code kind} the runtime last saw Ready=True (its condition gauge). */
  static long readyCount(MeterRegistry registry, String kind) {
    return Math.round(
        registry
            .find("cairn.reconcile.condition")
            .tags("kind", kind, "type", "Ready", "status", "True")
            .gauges()
            .stream()
            .mapToDouble(Gauge::value)
            .sum());
  }

  /** How many objects of {@code kind} ran at least once since {@code before}. */
  static long ranSince(MeterRegistry registry, String kind, Snapshot before) {
    return between(before, snapshot(registry, kind)).objects();
  }

  static Snapshot snapshot(MeterRegistry registry, String kind) {
    Map<String, long[]> byObject = new HashMap<>();
    for (Timer timer : registry.find(TIMER).tag("kind", kind).timers()) {
      String key = timer.getId().getTag("namespace") + "/" + timer.getId().getTag("name");
      byObject.put(key, new long[] {timer.count(), (long) timer.totalTime(TimeUnit.NANOSECONDS)});
    }
    return new Snapshot(byObject);
  }

  static Summary between(Snapshot before, Snapshot after) {
    List<Double> means = new ArrayList<>();
    long runs = 0;
    for (Map.Entry<String, long[]> e : after.byObject().entrySet()) {
      long[] was = before.byObject().getOrDefault(e.getKey(), new long[2]);
      long n = e.getValue()[0] - was[0];
      if (n > 0) {
        runs += n;
        means.add((e.getValue()[1] - was[1]) / 1e6 / n);
      }
    }
    means.sort(null);
    return new Summary(
        means.size(),
        runs,
        percentile(means, 50),
        percentile(means, 99),
        means.isEmpty() ? 0 : means.get(means.size() - 1));
  }

  /** Nearest-rank percentile of sorted values; 0 for none. */
  static double percentile(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
