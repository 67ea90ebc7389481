package dev.cairn.engine.helm;

import static dev.cairn.engine.helm.HelmHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.api.source.OCIRepository;
import dev.cairn.api.source.OciRepositoryStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.Outcome;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.source.OCIRepositoryKind;
import dev.cairn.engine.source.OciRepositoryRun;
import dev.cairn.source.oci.OciArtifactFetcher;
import dev.cairn.source.oci.OciFetcherOptions;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.registry.OciArtifactPusher;
import dev.cairn.testkit.registry.OciRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A HelmRelease with {@code chartRef: {kind: OCIRepository}}: the chart is an OCI artifact (Helm's
 * layout, chart layer copied as is), pulled by the OCIRepository reconciler.
 */
@ExtendWith(ClusterExtension.class)
class HelmReleaseOciRepositoryIT {
  private static HelmHarness h;
  private static OciRegistry registry;
  private static StepReconciler<OCIRepository, OciRepositoryStatus, OciRepositoryRun> sources;
  private static String digest;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = HelmHarness.start(cluster);
    registry = OciRegistry.start(h.temp.resolve("registry"));
    Path chart = GatewayChart.write(Files.createTempDirectory(h.temp, "oci-"), "gateway", "4.2.0");
    Path packaged = HelmCharts.packageChart(chart, h.temp.resolve("pkg"), "gateway", "4.2.0");
    digest =
        new OciArtifactPusher(registry.host())
            .push(
                "charts/gateway",
                "4.2.0",
                OciArtifactPusher.HELM_CONFIG,
                "{\"name\":\"gateway\",\"version\":\"4.2.0\"}".getBytes(),
                OciArtifactPusher.HELM_CHART,
                Files.readAllBytes(packaged),
                Map.of());
    sources =
        OCIRepositoryKind.reconciler(
            h.client,
            new OciArtifactFetcher(h.store, OciFetcherOptions.defaults()),
            new EventRecorder(h.client, "cairn", Clock.systemUTC()),
            "http://cairn-source.cairn-system/",
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    h.close();
  }

  @Test
  void installsTheChartOfAnOciRepository(TestCluster cluster) {
    String ns = cluster.createNamespace("hroci");
    h.client
        .resource(
            h.client
                .getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: cairn.dev/v1
                    kind: OCIRepository
                    metadata: {name: gateway, namespace: %s}
                    spec:
                      url: "%s"
                      interval: 5m
                      insecure: true
                      ref: {semver: ">=4.0.0"}
                      layerSelector:
                        mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip
                        operation: copy
                    """
                        .formatted(ns, registry.ociUrl("charts/gateway")),
                    OCIRepository.class))
        .create();
    h.createRelease(
        ns, "gw", "chartRef: {kind: OCIRepository, name: gateway}\nvalues: {replicas: 3}\n");

    HelmReleaseStatus waiting =
        h.releases.reconcile(ns, "gw", Trigger.INTERVAL).orElseThrow().status();
    assertThat(condition(waiting, "Ready").getReason()).isEqualTo("ArtifactFailed");
    assertThat(sources.reconcile(ns, "gateway", Trigger.INTERVAL).orElseThrow().outcome())
        .isEqualTo(Outcome.SUCCEEDED);
    h.releases.reconcile(ns, "gw", Trigger.INTERVAL).orElseThrow();
    HelmReleaseStatus status = h.live(ns, "gw").getStatus();

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Ready").getMessage()).endsWith("with chart gateway@4.2.0");
    assertThat(status.getLastAttemptedRevision()).isEqualTo("4.2.0@" + digest);
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("gw").get())
        .satisfies(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(3));
  }
}
