package dev.cairn.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * The requests the simulated cluster counted between two snapshots ({@code "get deployments.apps"
 * -> 4000}), summed by verb and by resource for reports.
 */
record RequestTally(Map<String, Long> counts) {

  static RequestTally between(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new TreeMap<>();
    after.forEach(
        (request, n) -> {
          long d = n - before.getOrDefault(request, 0L);
          if (d != 0) {
            delta.put(request, d);
          }
        });
    return new RequestTally(delta);
  }

  long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  long count(String request) {
    return counts.getOrDefault(request, 0L);
  }

  Map<String, Long> byVerb() {
    Map<String, Long> sums = new TreeMap<>();
    counts.forEach(
        (request, n) -> sums.merge(request.substring(0, request.indexOf(' ')), n, Long::sum));
    return sums;
  }

  Map<String, Long> byResource() {
    Map<String, Long> sums = new TreeMap<>();
    counts.forEach(
        (request, n) -> sums.merge(request.substring(request.indexOf(' ') + 1), n, Long::sum));
    return sums;
  }

  /**
   * Creates, updates, patches, applies and deletes, but not {@code except...} nor events; the
   * simulated cluster counts a server-side dry-run apply as an apply.
   */
  long objectWrites(String... except) {
    long writes = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      String verb = e.getKey().substring(0, e.getKey().indexOf(' '));
      boolean write = !verb.equals("get") && !verb.equals("list") && !verb.equals("watch");
      boolean excepted = java.util.Arrays.asList(except).contains(e.getKey());
      if (write && !excepted && !e.getKey().endsWith(" events")) {
        writes += e.getValue();
      }
    }
    return writes;
  }

  /** Event writes (create or patch of events). */
  long eventWrites() {
    return counts.entrySet().stream()
        .filter(
            e ->
                e.getKey().endsWith(" events")
                    && !e.getKey().startsWith("get ")
                    && !e.getKey().startsWith("list ")
                    && !e.getKey().startsWith("watch "))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Prints one line each: total, by verb, by resource, every request. */
  void print(BenchReport report, String round) {
    report.result(round + " requests total", total());
    report.result(round + " requests by verb", byVerb());
    report.result(round + " requests by resource", byResource());
    report.result(round + " requests by verb and resource", counts);
  }
}
