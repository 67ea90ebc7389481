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
import dev.cairn.engine.EventRecorder;
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
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.sim.cluster.SimulatedClusterOptions;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.helm.HelmRepoServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N HelmReleases of a podinfo-like chart (Deployment, Service, ServiceAccount, ConfigMap) from one
 * Helm repository, reconciled by {@code workers} threads against the simulated cluster (readiness
 * after 200 ms, as its default): time from creating the HelmReleases until all are Ready, and the
 * peak heap of the JVM (engine, simulated API server and repository server together). The
 * HelmRepository and HelmChart reconcilers pull the chart, as the controllers would.
 *
 * <pre>java -cp ... dev.cairn.bench.HelmReleaseBench [releases=100] [workers=4]</pre>
 */
public final class HelmReleaseBench {
  private HelmReleaseBench() {}

  public static void main(String[] args) throws Exception {
    int releases = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    AtomicLong peak = new AtomicLong();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    Path temp = Files.createTempDirectory("helm-bench-");
    try (SimulatedCluster cluster = SimulatedCluster.start(SimulatedClusterOptions.defaults());
        HelmRepoServer repo = HelmRepoServer.start(temp.resolve("repo"));
        ResourceManager manager = new ResourceManager(new Fabric8ClusterClient(cluster.client()))) {
      KubernetesClient client = cluster.client();
      CairnCrdInstaller.installAll(client);
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
              new Fabric8ClusterClient(client),
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
      String ns = "bench";
      client
          .namespaces()
          .resource(
              new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                  .withNewMetadata()
                  .withName(ns)
                  .endMetadata()
                  .build())
          .create();
      client
          .resource(
              client
                  .getKubernetesSerialization()
                  .unmarshal(
                      "apiVersion: cairn.dev/v1\nkind: HelmRepository\nmetadata: {name: podinfo, namespace: bench}\n"
                          + "spec: {url: \""
                          + repo.url()
                          + "\", interval: 10m}\n",
                      HelmRepository.class))
          .create();

      sampler.start();
      long start = System.nanoTime();
      repositories.reconcile(ns, "podinfo", Trigger.WATCH);
      for (int i = 0; i < releases; i++) {
        client
            .resource(
                client
                    .getKubernetesSerialization()
                    .unmarshal(
                        """
            apiVersion: cairn.dev/v1
            kind: HelmRelease
            metadata: {name: podinfo-%d, namespace: bench}
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
                            .formatted(i),
                        HelmRelease.class))
            .create();
      }
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < releases; i++) {
        String name = "podinfo-" + i;
        runs.add(
            pool.submit(
                () -> {
                  // As the controllers would: the release creates its HelmChart, the chart is
                  // pulled, the release installs and waits for health.
                  reconciler.reconcile(ns, name, Trigger.WATCH);
                  charts.reconcile(ns, ns + "-" + name, Trigger.WATCH);
                  reconciler.reconcile(ns, name, Trigger.WATCH);
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
      pool.shutdown();
      int ready = 0;
      for (HelmRelease hr : client.resources(HelmRelease.class).inNamespace(ns).list().getItems()) {
        HelmReleaseStatus status = hr.getStatus();
        if (status != null
            && status.getConditions() != null
            && status.getConditions().stream()
                .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"))) {
          ready++;
        }
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      sampler.interrupt();
      System.out.printf(
          "%d HelmReleases, %d workers: %d Ready in %.1f s, peak heap %d MiB (max heap %d MiB)%n",
          releases,
          workers,
          ready,
          took.toMillis() / 1000.0,
          peak.get() >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
      System.exit(ready == releases ? 0 : 1);
    }
  }
}
