package dev.cairn.bench;

import dev.cairn.kustomize.Kustomizer;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The Kustomize benchmark of docs/benchmarks.md: renders the generated 300-overlay tree with {@code
 * kubectl kustomize}, with {@code ./cairn build} (a fresh JVM each time) and in-process with a warm
 * engine, and reports medians side by side plus the in-process peak heap.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -pl cairn-bench -am package -DskipTests && java
 * -cp "cairn-bench/target/classes:$(cat cairn-bench/target/classpath.txt)"
 * dev.cairn.bench.KustomizeBench}
 */
public final class KustomizeBench {

  private static final int COLD_RUNS = 5;
  private static final int WARMUP_RUNS = 10;
  private static final int WARM_RUNS = 20;

  private KustomizeBench() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int overlays = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Path tree =
        KustomizeBenchTree.generate(Files.createTempDirectory("cairn-kustomize-bench"), overlays);

    Kustomizer kustomizer = Kustomizer.defaults();
    String ours = kustomizer.buildYaml(tree);
    long objects = ours.lines().filter(l -> l.startsWith("kind: ")).count();
    System.out.printf(Locale.ROOT, "tree: %d overlays, %d objects%n", overlays, objects);

    double kubectl = Double.NaN;
    if (onPath("kubectl")) {
      Path out = Files.createTempFile("kubectl-kustomize", ".yaml");
      kubectl = medianSeconds(COLD_RUNS, List.of("kubectl", "kustomize", tree.toString()), out);
      System.out.println(
          "output identical to kubectl kustomize: " + Files.readString(out).equals(ours));
    }
    Path launcher = repo.resolve("cairn");
    double cold =
        medianSeconds(
            COLD_RUNS,
            List.of(launcher.toString(), "build", tree.toString()),
            Files.createTempFile("cairn-build", ".yaml"));

    for (int i = 0; i < WARMUP_RUNS; i++) {
      kustomizer.buildYaml(tree);
    }
    System.gc();
    resetPeaks();
    long heapBefore = heapUsed();
    List<Double> warmTimes = new ArrayList<>();
    for (int i = 0; i < WARM_RUNS; i++) {
      long start = System.nanoTime();
      kustomizer.buildYaml(tree);
      warmTimes.add((System.nanoTime() - start) / 1e9);
    }
    double warm = median(warmTimes);
    long peak = peakHeap();

    System.out.println();
    System.out.println("| run | median seconds | vs kubectl kustomize |");
    System.out.println("|---|---|---|");
    System.out.printf(Locale.ROOT, "| kubectl kustomize | %.3f | 1.0x |%n", kubectl);
    System.out.printf(
        Locale.ROOT, "| ./cairn build (cold JVM) | %.3f | %.1fx faster |%n", cold, kubectl / cold);
    System.out.printf(
        Locale.ROOT, "| in-process, warm | %.4f | %.1fx faster |%n", warm, kubectl / warm);
    System.out.printf(
        Locale.ROOT,
        "%nin-process peak heap during warm runs: %.1f MiB (%.1f MiB live before)%n",
        peak / 1048576.0,
        heapBefore / 1048576.0);
  }

  private static double medianSeconds(int runs, List<String> command, Path output)
      throws IOException, InterruptedException {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(output.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT);
      long start = System.nanoTime();
      int exit = builder.start().waitFor();
      times.add((System.nanoTime() - start) / 1e9);
      if (exit != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
      }
    }
    return median(times);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
