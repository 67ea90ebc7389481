package dev.cairn.bench;

import java.util.Locale;

/**
 * Prints a benchmark's results, one line per metric, each starting {@code RESULT <bench>} (and the
 * shard key in shard mode) so that runs can be grepped and compared: {@code RESULT fleet all Ready
 * seconds: 47.6}.
 */
final class BenchReport {
  private final String prefix;

  BenchReport(String bench, String shardKey) {
    this.prefix = "RESULT " + bench + (shardKey == null ? "" : " [" + shardKey + "]") + " ";
  }

  void result(String metric, Object value) {
    String text =
        value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(value);
    System.out.println(prefix + metric + ": " + text);
  }

  void mib(String metric, long bytes) {
    result(metric + " MiB", bytes >> 20);
  }

  static double seconds(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }
}
