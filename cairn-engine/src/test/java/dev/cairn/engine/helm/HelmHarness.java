package dev.cairn.engine.helm;

import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.render.helm.HelmPostRenderer;
import dev.cairn.render.helm.HelmTemplateRenderer;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.helm.HelmRepoServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the HelmRelease ITs share: Cairn's CRDs in the test cluster, a real Helm repository server,
 * the artifact store, the HelmRelease reconciler and the real HelmRepository and HelmChart
 * reconcilers ({@link ChartSources}).
 */
final class HelmHarness {
  Path temp;
  HelmRepoServer repo;
  KubernetesClient client;
  ResourceManager manager;
  ArtifactStore store;
  ChartSources charts;
  StepReconciler<HelmRelease, HelmReleaseStatus, HelmReleaseRun> releases;

  static HelmHarness start(TestCluster cluster) throws Exception {
    HelmHarness h = new HelmHarness();
    h.temp = Files.createTempDirectory("helm-it-");
    h.repo = HelmRepoServer.start(h.temp.resolve("repo"));
    h.client = cluster.client();
    CairnCrdInstaller.installAll(h.client);
    h.store = new ArtifactStore(h.temp.resolve("store"), ArtifactStoreOptions.defaults());
    Clock clock = Clock.systemUTC();
    Fabric8ClusterClient cluster8 = new Fabric8ClusterClient(h.client);
    h.manager = new ResourceManager(cluster8);
    EventRecorder events = new EventRecorder(h.client, "cairn", clock);
    h.charts = new ChartSources(h.client, h.store, events, clock);
    h.releases =
        HelmReleaseKind.reconciler(
            h.client,
            h.store,
            HelmTemplateRenderer.defaults(),
            HelmPostRenderer.defaults(),
            h.manager,
            cluster8,
            events,
            ApplyOptions.defaults(),
            clock);
    return h;
  }

  void close() {
    manager.close();
    repo.close();
  }

  /** Packages the gateway chart at {@code version} (broken when asked) and publishes it. */
  Path publish(String name, String version, boolean broken) throws Exception {
    Path source = Files.createTempDirectory(temp, "chart-");
    Path chart = GatewayChart.write(source, name, version);
    if (broken) {
      GatewayChart.breakIt(chart);
    }
    return publishDirectory(chart, name, version);
  }

  /** Packages and publishes a chart directory written by the test. */
  Path publishDirectory(Path chart, String name, String version) {
    Path packaged = HelmCharts.packageChart(chart, temp.resolve("packages"), name, version);
    repo.addChart(name, version, packaged);
    return packaged;
  }

  void createRepository(String ns, String name, String url, String type) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: HelmRepository
        metadata: {name: %s, namespace: %s}
        spec: {url: "%s", interval: 5m%s}
        """
            .formatted(name, ns, url, type == null ? "" : ", type: " + type + plainHttp(type));
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, HelmRepository.class))
        .create();
  }

  /**
   * The test kit's registry serves plain HTTP, which Flux's OCI repositories reach with insecure.
   */
  private static String plainHttp(String type) {
    return "oci".equals(type) ? ", insecure: true" : "";
  }

  void createRelease(String ns, String name, String specYaml) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: HelmRelease
        metadata: {name: %s, namespace: %s}
        spec:
          interval: 5m
          timeout: 30s
        %s
        """
            .formatted(name, ns, specYaml.indent(2));
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, HelmRelease.class))
        .create();
  }

  /** Replaces the spec of a HelmRelease from YAML (bumps its generation). */
  void updateRelease(String ns, String name, String specYaml) {
    HelmRelease parsed =
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
                apiVersion: cairn.dev/v1
                kind: HelmRelease
                metadata: {name: %s, namespace: %s}
                spec:
                  interval: 5m
                  timeout: 30s
                %s
                """
                    .formatted(name, ns, specYaml.indent(2)),
                HelmRelease.class);
    client
        .resources(HelmRelease.class)
        .inNamespace(ns)
        .withName(name)
        .edit(
            live -> {
              live.setSpec(parsed.getSpec());
              return live;
            });
  }

  /**
   * One round as the controllers would run it: the HelmCharts of the namespace, the HelmRelease,
   * and when that waited for its chart (it may just have created or changed it), the HelmCharts and
   * the HelmRelease once more.
   */
  HelmReleaseStatus sync(String ns, String name) {
    charts.reconcileAll(ns);
    var first = releases.reconcile(ns, name, Trigger.INTERVAL).orElseThrow();
    Condition ready =
        first.status().getConditions().stream()
            .filter(c -> "Ready".equals(c.getType()))
            .findFirst()
            .orElse(null);
    if (ready != null && "ArtifactFailed".equals(ready.getReason())) {
      charts.reconcileAll(ns);
      releases.reconcile(ns, name, Trigger.INTERVAL);
    }
    return live(ns, name).getStatus();
  }

  HelmRelease live(String ns, String name) {
    return client.resources(HelmRelease.class).inNamespace(ns).withName(name).get();
  }

  static Condition condition(HelmReleaseStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no condition " + type + " in " + status.getConditions()));
  }

  static String chartSpec(String chart, String version, String repository) {
    return """
        chart:
          spec:
            chart: %s
            version: "%s"
            sourceRef: {kind: HelmRepository, name: %s}
        """
        .formatted(chart, version, repository);
  }
}
