package dev.cairn.bench;

import dev.cairn.engine.preview.FleetPreview;
import dev.cairn.engine.preview.PreviewReport;
import dev.cairn.sim.git.GitWorkingCopy;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cairn preview} on a generated fleet: N Flux Kustomizations under {@code clusters/bench},
 * each an overlay of one shared base (Deployment, Service, ConfigMap) with a namespace, a name
 * prefix, an image and post-build substitution from a {@code cluster-config} ConfigMap of the
 * fleet. The second commit changes the base, so every Kustomization has a changed object. Prints
 * the time of each preview of the two commits (both revisions read from Git, rendered and compared)
 * and the median of the warm runs.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl cairn-bench -am package -DskipTests
 * java -cp "cairn-bench/target/classes:$(cat cairn-bench/target/classpath.txt)" \
 *     dev.cairn.bench.PreviewBench 300 5
 * }</pre>
 *
 * Arguments: number of Kustomizations (300), timed runs after one cold run (5).
 */
public final class PreviewBench {
  private PreviewBench() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("cairn-preview-bench-");
    GitWorkingCopy git = GitWorkingCopy.init(dir);
    write(git, count, "app:1.0");
    git.commitAll("fleet");
    write(git, 0, "app:2.0");
    git.commitAll("new image in the base");

    long start = System.nanoTime();
    PreviewReport cold = FleetPreview.defaults().preview(dir, "HEAD~1", "HEAD", null, null);
    double coldSeconds = (System.nanoTime() - start) / 1e9;
    long changed = cold.owners().stream().filter(o -> !o.changes().isEmpty()).count();
    if (cold.hasErrors() || changed != count) {
      throw new IllegalStateException(
          "expected "
              + count
              + " changed Kustomizations, got "
              + changed
              + " (errors: "
              + cold.hasErrors()
              + ")");
    }
    System.out.printf(
        "%d Kustomizations, %d top-level objects; cold preview %.3f s%n",
        count, cold.owners().size(), coldSeconds);
    List<Double> times = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      long c = processCpu();
      FleetPreview.defaults().preview(dir, "HEAD~1", "HEAD", null, null);
      times.add((System.nanoTime() - t) / 1e9);
      cpu.add((processCpu() - c) / 1e9);
    }
    times.sort(null);
    cpu.sort(null);
    System.out.printf(
        "warm previews: median %.3f s wall, %.3f s CPU (all threads); wall %s%n",
        times.get(times.size() / 2), cpu.get(cpu.size() / 2), times);
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "heap in use after the runs: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  /** CPU time of the whole JVM so far, in nanoseconds (-1 when the platform cannot tell). */
  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /** The fleet's files; {@code count} 0 writes only the base. */
  private static void write(GitWorkingCopy git, int count, String image) {
    git.write(
        "base/kustomization.yaml",
        "resources:\n- deployment.yaml\n- service.yaml\n- config.yaml\n");
    git.write(
        "base/deployment.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 1\n"
            + "  selector:\n    matchLabels:\n      app: app\n  template:\n    metadata:\n"
            + "      labels:\n        app: app\n    spec:\n      containers:\n      - name: app\n"
            + "        image: "
            + image
            + "\n        env:\n        - name: CLUSTER\n"
            + "          value: ${cluster_name}\n");
    git.write(
        "base/service.yaml",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: app\nspec:\n  selector:\n"
            + "    app: app\n  ports:\n  - port: 80\n");
    git.write(
        "base/config.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n"
            + "  domain: ${cluster_domain}\n");
    if (count == 0) {
      return;
    }
    git.write(
        "clusters/bench/cluster-config.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cluster-config\n"
            + "  namespace: flux-system\ndata:\n  cluster_name: bench\n"
            + "  cluster_domain: bench.example.com\n");
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String name = String.format("app-%03d", i);
      git.write(
          "apps/" + name + "/kustomization.yaml",
          "namespace: "
              + name
              + "\nnamePrefix: "
              + name
              + "-\nresources:\n- ../../base\n"
              + "images:\n- name: app\n  newName: registry.example.com/"
              + name
              + "\n");
      all.append(i == 0 ? "" : "---\n")
          .append("apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n")
          .append("  name: ")
          .append(name)
          .append("\n  namespace: flux-system\nspec:\n")
          .append("  interval: 10m\n  prune: true\n  path: ./apps/")
          .append(name)
          .append("\n")
          .append("  sourceRef:\n    kind: GitRepository\n    name: flux-system\n")
          .append("  postBuild:\n    substituteFrom:\n    - kind: ConfigMap\n")
          .append("      name: cluster-config\n");
    }
    git.write("clusters/bench/apps.yaml", all.toString());
  }
}
