package dev.cairn.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet benchmark's command line: positional numbers, then {@code --cluster KUBECONFIG} (run
 * against a {@link SimClusterMain} in its own JVM), {@code --shard-key KEY} (label the benchmark's
 * objects {@code sharding.fluxcd.io/key: KEY} and reconcile only those), {@code --heap-csv FILE}
 * (where the heap series goes; default: a new file in the temp directory) and {@code
 * --shared-folder} (every Kustomization renders one folder, told apart by post-build substitution).
 */
record BenchOptions(
    List<Integer> numbers, Path cluster, String shardKey, Path heapCsv, boolean sharedFolder) {
  static final String SHARD_LABEL = "sharding.fluxcd.io/key";

  static BenchOptions parse(String bench, String[] args) {
    List<Integer> numbers = new ArrayList<>();
    Path cluster = null;
    String shardKey = null;
    Path heapCsv = null;
    boolean sharedFolder = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cluster" -> cluster = Path.of(value(args, ++i, "--cluster"));
        case "--shard-key" -> shardKey = value(args, ++i, "--shard-key");
        case "--heap-csv" -> heapCsv = Path.of(value(args, ++i, "--heap-csv"));
        case "--shared-folder" -> sharedFolder = true;
        default -> {
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + args[i]);
          }
          numbers.add(Integer.parseInt(args[i]));
        }
      }
    }
    if (heapCsv == null) {
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      String shard = shardKey == null ? "" : "-" + shardKey;
      heapCsv =
          Path.of(System.getProperty("java.io.tmpdir"), bench + shard + "-heap-" + stamp + ".csv");
    }
    return new BenchOptions(List.copyOf(numbers), cluster, shardKey, heapCsv, sharedFolder);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** The {@code index}th positional number, or {@code otherwise}. */
  int number(int index, int otherwise) {
    return index < numbers.size() ? numbers.get(index) : otherwise;
  }

  /** The runtime's watch label selector: the shard's key, or null for all objects. */
  String labelSelector() {
    return shardKey == null ? null : SHARD_LABEL + "=" + shardKey;
  }

  /** A prefix that keeps names of different shards apart ("" without a shard). */
  String namePrefix() {
    return shardKey == null ? "" : shardKey + "-";
  }
}
