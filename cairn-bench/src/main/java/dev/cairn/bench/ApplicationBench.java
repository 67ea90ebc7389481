package dev.cairn.bench;

import dev.cairn.api.argo.AppHealthStatus;
import dev.cairn.api.argo.AppSyncStatus;
import dev.cairn.api.argo.Application;
import dev.cairn.controller.CairnRuntime;
import dev.cairn.controller.RuntimeOptions;
import dev.cairn.sim.git.GitHttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The Argo CD shape of the fleet benchmark: N {@code Application}s (project {@code default},
 * automated sync), each pointing at its own folder of one Git repository on the Git server in this
 * JVM, holding the same benchmark app as {@link FleetBench} (Deployment with 0 replicas,
 * ServiceAccount, Service, Ingress), reconciled by {@link CairnRuntime}. Measures the time from
 * start until every Application is Synced at the pushed revision and Healthy, peak heap, the
 * requests by verb and resource and the reconcile latency of the initial round and of a steady
 * round (one more reconcile of each, asked for with {@code reconcile.cairn.dev/requestedAt} and
 * counted done by the runtime's reconcile timer), and writes the heap series to a CSV file.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl cairn-bench -am package -DskipTests
 * java -Xmx1g -cp "cairn-bench/target/classes:$(cat cairn-bench/target/classpath.txt)" \
 *     dev.cairn.bench.ApplicationBench 10000 16 [1800] [--cluster KUBECONFIG] [--heap-csv FILE]
 * }</pre>
 */
public final class ApplicationBench {
  private static final String KIND = "Application";

  private ApplicationBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse("applications", args);
    if (options.shardKey() != null) {
      throw new IllegalArgumentException(
          "--shard-key is for FleetBench; ApplicationBench runs one controller");
    }
    int count = options.number(0, 1000);
    int workers = options.number(1, 16);
    int timeout = options.number(2, 600);
    BenchReport report = new BenchReport("applications", null);
    Path temp = Files.createTempDirectory("cairn-app-bench-");
    try (HeapSampler heap = HeapSampler.start(options.heapCsv());
        BenchCluster cluster = BenchCluster.of(options);
        GitHttpServer git = GitHttpServer.start(temp.resolve("repos"))) {
      KubernetesClient client = cluster.client();
      cluster.ensureNamespace(FleetBench.NS);
      BenchApps apps = BenchApps.push(git, temp.resolve("work"), "apps", "", count, FleetBench.NS);
      for (int i = 0; i < count; i++) {
        FleetBench.create(client, Application.class, application(BenchApps.name("", i), apps));
      }
      long setupHeap = heap.usedNow();
      heap.resetMax();
      var wait =
          new ReadyWait<>(
              client, Application.class, FleetBench.NS, null, count, ApplicationBench::state);

      var requestsBefore = cluster.requests();
      long start = System.nanoTime();
      try (CairnRuntime runtime =
          new CairnRuntime(
              client,
              RuntimeOptions.defaults()
                  .withStoragePath(temp.resolve("storage"))
                  .withNamespaces(Set.of(FleetBench.NS))
                  .withMaxConcurrentReconciles(workers))) {
        var latencyBefore = ReconcileLatency.snapshot(runtime.meterRegistry(), KIND);
        runtime.start();
        long readyAt =
            wait.until(
                a -> syncedAndHealthy(a, apps.sha()),
                () -> ReconcileLatency.readyCount(runtime.meterRegistry(), KIND),
                timeout);
        var initialLatency =
            ReconcileLatency.between(
                latencyBefore, ReconcileLatency.snapshot(runtime.meterRegistry(), KIND));
        var initial = RequestTally.between(requestsBefore, cluster.requests());
        long peak = heap.max();

        var steadyRequestsBefore = cluster.requests();
        var steadyLatencyBefore = ReconcileLatency.snapshot(runtime.meterRegistry(), KIND);
        long steadyStart = System.nanoTime();
        String token = "bench-" + System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
          FleetBench.requestReconcile(client, Application.class, BenchApps.name("", i), token);
        }
        wait.until(
            a -> syncedAndHealthy(a, apps.sha()),
            () -> ReconcileLatency.ranSince(runtime.meterRegistry(), KIND, steadyLatencyBefore),
            timeout);
        long steadyEnd = System.nanoTime();
        var steadyLatency =
            ReconcileLatency.between(
                steadyLatencyBefore, ReconcileLatency.snapshot(runtime.meterRegistry(), KIND));
        var steady = RequestTally.between(steadyRequestsBefore, cluster.requests());

        report.result(
            "setup",
            "applications=%d workers=%d cores=%d maxHeap=%dMiB cluster %s"
                .formatted(
                    count,
                    workers,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    cluster.where()));
        report.result("all Synced and Healthy seconds", BenchReport.seconds(start, readyAt));
        report.mib("peak heap used (this JVM)", peak);
        report.mib("heap after setup (this JVM)", setupHeap);
        cluster.clusterPeakHeap().ifPresent(b -> report.mib("peak heap used (cluster JVM)", b));
        report.result("heap series CSV", options.heapCsv().toAbsolutePath());
        report.result("initial reconcile latency", initialLatency.format());
        initial.print(report, "initial");
        report.result("steady round seconds", BenchReport.seconds(steadyStart, steadyEnd));
        report.result("steady reconcile latency", steadyLatency.format());
        report.result(
            "steady writes, server-side dry-run applies included (not status, requestedAt, events)",
            steady.objectWrites(
                "patch applications.cairn.dev/status",
                "patch applications.cairn.dev",
                "update applications.cairn.dev/status"));
        report.result("steady event writes", steady.eventWrites());
        steady.print(report, "steady");
      }
    }
  }

  private static String application(String name, BenchApps apps) {
    return """
        apiVersion: cairn.dev/v1
        kind: Application
        metadata: {name: %1$s, namespace: %2$s}
        spec:
          project: default
          source:
            repoURL: "%3$s"
            targetRevision: main
            path: apps/%1$s
          destination: {server: "https://kubernetes.default.svc", namespace: %2$s}
          syncPolicy: {automated: {}}
        """
        .formatted(name, FleetBench.NS, apps.url());
  }

  private static boolean syncedAndHealthy(Application a, String sha) {
    var status = a.getStatus();
    return status != null
        && status.getSync() != null
        && AppSyncStatus.SYNCED.equals(status.getSync().status())
        && sha.equals(status.getSync().revision())
        && status.getHealth() != null
        && AppHealthStatus.HEALTHY.equals(status.getHealth().status());
  }

  private static String state(Application a) {
    var status = a.getStatus();
    if (status == null) {
      return "no status";
    }
    String sync = status.getSync() == null ? "-" : status.getSync().status();
    String health = status.getHealth() == null ? "-" : status.getHealth().status();
    return sync + "/" + health;
  }
}
