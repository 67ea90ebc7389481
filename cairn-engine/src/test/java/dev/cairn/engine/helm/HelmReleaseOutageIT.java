package dev.cairn.engine.helm;

import static dev.cairn.engine.helm.HelmHarness.chartSpec;
import static dev.cairn.engine.helm.HelmHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.InventoryEntry;
import dev.cairn.api.InventoryId;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.api.helm.Snapshot;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.SourceStatus;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.registry.OciRegistry;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Helm repository server and the OCI registry go away for a while and return: the source says
 * so, the HelmRelease keeps the last chart applied (nothing uninstalled, nothing pruned), and a
 * chart version published meanwhile is installed once the server is back. Behind a Helm repository
 * the HelmChart keeps its chart from the last index, so the release stays Ready; an OCI registry
 * has no index, so the HelmChart and the release wait (Ready=False), as in Flux.
 */
@ExtendWith(ClusterExtension.class)
class HelmReleaseOutageIT {
  private static HelmHarness h;
  private static OciRegistry registry;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = HelmHarness.start(cluster);
    h.publish("gateway", "1.0.0", false);
    if (OciRegistry.available()) {
      registry = OciRegistry.start(h.temp.resolve("registry"));
      pushToRegistry("1.0.0");
    }
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    h.close();
  }

  @Test
  void whileTheHelmRepositoryIsAwayTheReleaseKeepsItsChartAndUpgradesWhenItReturns(
      TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("helm-away");
    h.createRepository(ns, "charts", h.repo.url(), null);
    h.createRelease(ns, "gw", chartSpec("gateway", "1.x", "charts"));
    HelmReleaseStatus before = h.sync(ns, "gw");
    assertReadyAt(before, "1.0.0", 1);
    Map<String, String> uids = uids(before);

    h.repo.stopServing();
    try {
      HelmReleaseStatus during = h.sync(ns, "gw");

      Condition repository = repositoryReady(ns, "charts");
      assertThat(repository.getStatus()).isEqualTo("False");
      assertThat(repository.getMessage()).contains("127.0.0.1:" + port(h.repo.url()));
      assertThat(
              h.client
                  .resources(HelmRepository.class)
                  .inNamespace(ns)
                  .withName("charts")
                  .get()
                  .getStatus()
                  .getArtifact())
          .as("the last index stays the repository's artifact")
          .isNotNull();
      assertThat(chartReady(ns, chart(ns, before)).getStatus())
          .as("the chart is kept from the last index, not downloaded again")
          .isEqualTo("True");
      assertReadyAt(during, "1.0.0", 1);
      assertThat(uids(during)).as("nothing uninstalled, nothing pruned").isEqualTo(uids);

      // published while the server is away
      h.publish("gateway", "1.1.0", false);
      assertReadyAt(h.sync(ns, "gw"), "1.0.0", 1);
    } finally {
      h.repo.resumeServing();
    }

    HelmReleaseStatus after = h.sync(ns, "gw");
    assertThat(repositoryReady(ns, "charts").getStatus()).isEqualTo("True");
    assertReadyAt(after, "1.1.0", 2);
    assertThat(condition(after, "Ready").getMessage())
        .isEqualTo("Helm upgrade succeeded for release " + ns + "/gw.v2 with chart gateway@1.1.0");
    assertThat(uids(after)).isEqualTo(uids);
  }

  @Test
  void whileTheOciRegistryIsAwayTheReleaseKeepsItsChartAndUpgradesWhenItReturns(TestCluster cluster)
      throws Exception {
    Assumptions.assumeTrue(registry != null, OciRegistry.BINARY + " is not installed");
    String ns = cluster.createNamespace("oci-away");
    h.createRepository(ns, "registry", registry.ociUrl("charts"), "oci");
    h.createRelease(ns, "gw", chartSpec("gateway", "1.x", "registry"));
    HelmReleaseStatus before = h.sync(ns, "gw");
    assertReadyAt(before, "1.0.0", 1);
    Map<String, String> uids = uids(before);
    String chart = chart(ns, before);

    registry.stopServing();
    try {
      HelmReleaseStatus during = h.sync(ns, "gw");

      Condition pulled = chartReady(ns, chart);
      assertThat(pulled.getStatus()).isEqualTo("False");
      assertThat(pulled.getMessage()).contains(registry.host());
      assertThat(
              h.client
                  .resources(HelmChart.class)
                  .inNamespace(ns)
                  .withName(chart)
                  .get()
                  .getStatus()
                  .getArtifact())
          .as("the last chart stays the HelmChart's artifact")
          .isNotNull();
      // no index to fall back on: as in Flux, the release waits for its chart, touching nothing
      Condition waiting = condition(during, "Ready");
      assertThat(waiting.getStatus()).isEqualTo("False");
      assertThat(waiting.getMessage())
          .contains("HelmChart '" + before.getHelmChart() + "' is not ready")
          .contains(registry.host());
      assertThat(during.getHistory()).isEqualTo(before.getHistory());
      assertThat(uids(during)).as("nothing uninstalled, nothing pruned").isEqualTo(uids);
    } finally {
      registry.resumeServing();
    }
    // pushed once the registry is back (a registry's storage is written only through its API)
    pushToRegistry("1.1.0");

    HelmReleaseStatus after = h.sync(ns, "gw");
    assertThat(chartReady(ns, chart).getStatus()).isEqualTo("True");
    assertReadyAt(after, "1.1.0", 2);
    assertThat(uids(after)).isEqualTo(uids);
  }

  private static void pushToRegistry(String version) throws Exception {
    Path chart = GatewayChart.write(Files.createTempDirectory(h.temp, "oci-"), "gateway", version);
    HelmCharts.pushPlainHttp(
        HelmCharts.packageChart(chart, h.temp.resolve("oci-packages"), "gateway", version),
        registry.ociUrl("charts"));
  }

  private static void assertReadyAt(HelmReleaseStatus status, String version, int revision) {
    assertThat(condition(status, "Ready").getStatus())
        .as("Ready: %s", condition(status, "Ready").getMessage())
        .isEqualTo("True");
    List<Snapshot> history = status.getHistory();
    assertThat(history.get(0).chartVersion()).isEqualTo(version);
    assertThat(history.get(0).version()).isEqualTo(revision);
    assertThat(history.get(0).status()).isEqualTo("deployed");
  }

  /** The uid of every object in the release's inventory, each of which must exist. */
  private static Map<String, String> uids(HelmReleaseStatus status) {
    List<InventoryEntry> entries = status.getInventory().entries();
    assertThat(entries).isNotEmpty();
    return entries.stream().collect(Collectors.toMap(InventoryEntry::id, HelmReleaseOutageIT::uid));
  }

  private static String uid(InventoryEntry entry) {
    InventoryId id = entry.objectId();
    GenericKubernetesResource live =
        h.client
            .genericKubernetesResources(id.apiVersion(entry.v()), id.kind())
            .inNamespace(id.namespace())
            .withName(id.name())
            .get();
    assertThat(live).as("%s is still in the cluster", entry.id()).isNotNull();
    return live.getMetadata().getUid();
  }

  private static Condition repositoryReady(String ns, String name) {
    return readyOf(
        h.client.resources(HelmRepository.class).inNamespace(ns).withName(name).get().getStatus());
  }

  private static Condition chartReady(String ns, String name) {
    return readyOf(
        h.client.resources(HelmChart.class).inNamespace(ns).withName(name).get().getStatus());
  }

  private static Condition readyOf(SourceStatus status) {
    return status.getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Ready condition in " + status.getConditions()));
  }

  private static String chart(String ns, HelmReleaseStatus status) {
    return status.getHelmChart().substring(ns.length() + 1);
  }

  private static int port(String url) {
    return java.net.URI.create(url).getPort();
  }
}
