package dev.cairn.bench;

import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmChartStatus;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.HelmRepositoryStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.apply.WatchedClusterClient;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.OwnerLabels;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.helm.HelmReleaseKind;
import dev.cairn.engine.helm.HelmReleaseRun;
import dev.cairn.engine.source.HelmChartKind;
import dev.cairn.engine.source.HelmChartRun;
import dev.cairn.engine.source.HelmRepositoryKind;
import dev.cairn.engine.source.HelmRepositoryRun;
import dev.cairn.render.helm.HelmPostRenderer;
import dev.cairn.render.helm.HelmTemplateRenderer;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.helm.HelmRepoServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N HelmReleases of a podinfo-like chart (Deployment, Service, ServiceAccount, ConfigMap), 100 to a
 * namespace, each namespace with its own HelmRepository served by one Helm repository server,
 * reconciled by {@code workers} threads against the simulated cluster (readiness after 200 ms, as
 * its default): time from creating the HelmReleases until all are Ready, each release's time from
 * its first reconcile to Ready (p50/p99), the requests by verb and resource, and the peak heap of
 * the JVM (engine, simulated API server and repository server together; the series goes to a CSV
 * file). The HelmRepository and HelmChart reconcilers pull the chart, as the controllers would; the
 * apply engine reads the released objects through watches, as the runtime's does.
 *
 * <pre>java -cp ... dev.cairn.bench.HelmReleaseBench [releases=100] [workers=4] [--heap-csv FILE]
 * </pre>
 */
public final class HelmReleaseBench {
  static final int PER_NAMESPACE = 100;

  private HelmReleaseBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse("helmreleases", args);
    if (options.cluster() != null || options.shardKey() != null) {
      throw new IllegalArgumentException(
          "HelmReleaseBench runs its reconcilers and the simulated cluster in one JVM;"
              + " --cluster and --shard-key are for FleetBench and ApplicationBench");
    }
    int releases = options.number(0, 100);
    int workers = options.number(1, 4);
    BenchReport report = new BenchReport("helmreleases", null);
    Path temp = Files.createTempDirectory("helm-bench-");
    try (HeapSampler heap = HeapSampler.start(options.heapCsv());
        BenchCluster cluster = BenchCluster.inProcess();
        HelmRepoServer repo = HelmRepoServer.start(temp.resolve("repo"));
        // As the runtime wires it: the objects Cairn applies are read from watches (health waits
        // and unchanged checks), not with one request per object.
        WatchedClusterClient watched =
            new WatchedClusterClient(
                cluster.client(), new Fabric8ClusterClient(cluster.client()), OwnerLabels.keys());
        ResourceManager manager = new ResourceManager(watched)) {
      KubernetesClient client = cluster.client();
      Path chart = PodinfoChart.write(temp.resolve("src"));
      repo.addChart(
          "podinfo",
          "6.7.0",
          HelmCharts.packageChart(chart, temp.resolve("pkg"), "podinfo", "6.7.0"));
      ArtifactStore store =
          new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
      Clock clock = Clock.systemUTC();
      StepReconciler<HelmRelease, HelmReleaseStatus, HelmReleaseRun> reconciler =
          HelmReleaseKind.reconciler(
              client,
              store,
              HelmTemplateRenderer.defaults(),
              HelmPostRenderer.defaults(),
              manager,
              watched,
              new EventRecorder(client, "cairn", clock),
              ApplyOptions.defaults(),
              clock);
      HelmRepositoryFetcher fetcher =
          new HelmRepositoryFetcher(store, HelmFetcherOptions.defaults());
      EventRecorder events = new EventRecorder(client, "cairn", clock);
      StepReconciler<HelmRepository, HelmRepositoryStatus, HelmRepositoryRun> repositories =
          HelmRepositoryKind.reconciler(client, fetcher, events, "http://source/", clock);
      StepReconciler<HelmChart, HelmChartStatus, HelmChartRun> charts =
          HelmChartKind.reconciler(
              client,
              store,
              fetcher,
              new OciChartFetcher(store, HelmFetcherOptions.defaults()),
              events,
              "http://source/",
              clock);
      int namespaces = (releases + PER_NAMESPACE - 1) / PER_NAMESPACE;
      for (int n = 0; n < namespaces; n++) {
        cluster.ensureNamespace(namespace(n));
        FleetBench.create(
            client,
            HelmRepository.class,
            "apiVersion: cairn.dev/v1\nkind: HelmRepository\nmetadata: {name: podinfo, namespace: %s}\n"
                    .formatted(namespace(n))
                + "spec: {url: \""
                + repo.url()
                + "\", interval: 10m}\n");
      }
      long setupHeap = heap.usedNow();
      heap.resetMax();
      var requestsBefore = cluster.requests();
      long start = System.nanoTime();
      for (int n = 0; n < namespaces; n++) {
        repositories.reconcile(namespace(n), "podinfo", Trigger.WATCH);
      }
      for (int i = 0; i < releases; i++) {
        FleetBench.create(
            client,
            HelmRelease.class,
            """
            apiVersion: cairn.dev/v1
            kind: HelmRelease
            metadata: {name: podinfo-%d, namespace: %s}
            spec:
              interval: 10m
              timeout: 2m
              chart:
                spec:
                  chart: podinfo
                  version: "6.x"
                  sourceRef: {kind: HelmRepository, name: podinfo}
              values: {replicaCount: 2}
            """
                .formatted(i, namespace(i / PER_NAMESPACE)));
      }
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < releases; i++) {
        String ns = namespace(i / PER_NAMESPACE);
        String name = "podinfo-" + i;
        runs.add(
            pool.submit(
                () -> {
                  // As the controllers would: the release creates its HelmChart, the chart is
                  // pulled, the release installs and waits for health.
                  long began = System.nanoTime();
                  reconciler.reconcile(ns, name, Trigger.WATCH);
                  charts.reconcile(ns, ns + "-" + name, Trigger.WATCH);
                  reconciler.reconcile(ns, name, Trigger.WATCH);
                  latencies.add((System.nanoTime() - began) / 1e6);
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
      pool.shutdown();
      int ready = 0;
      for (int n = 0; n < namespaces; n++) {
        for (HelmRelease hr :
            client.resources(HelmRelease.class).inNamespace(namespace(n)).list().getItems()) {
          if (isReady(hr.getStatus())) {
            ready++;
          }
        }
      }
      long end = System.nanoTime();
      var requests = RequestTally.between(requestsBefore, cluster.requests());
      List<Double> sorted = new ArrayList<>(latencies);
      sorted.sort(null);
      report.result(
          "setup",
          "helmreleases=%d namespaces=%d workers=%d cores=%d maxHeap=%dMiB"
              .formatted(
                  releases,
                  namespaces,
                  workers,
                  Runtime.getRuntime().availableProcessors(),
                  Runtime.getRuntime().maxMemory() >> 20));
      report.result("Ready", ready + "/" + releases);
      report.result("all Ready seconds", BenchReport.seconds(start, end));
      report.result(
          "release latency (first reconcile to Ready)",
          "p50 %.0f ms, p99 %.0f ms, max %.0f ms"
              .formatted(
                  ReconcileLatency.percentile(sorted, 50),
                  ReconcileLatency.percentile(sorted, 99),
                  sorted.isEmpty() ? 0.0 : sorted.get(sorted.size() - 1)));
      report.mib("peak heap used (JVM incl. simulated cluster)", heap.max());
      report.mib("heap after setup", setupHeap);
      report.result("heap series CSV", options.heapCsv().toAbsolutePath());
      requests.print(report, "initial");
      System.exit(ready == releases ? 0 : 1);
    }
  }

  static String namespace(int n) {
    return "bench-%02d".formatted(n);
  }

  private static boolean isReady(HelmReleaseStatus status) {
    return status != null
        && status.getConditions() != null
        && status.getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }
}
