package dev.cairn.engine.helm;

import static dev.cairn.engine.helm.HelmHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.source.GitRepositoryKind;
import dev.cairn.engine.source.GitRepositoryRun;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.registry.OciRegistry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Charts from the other sources: an OCI registry (Debian's docker-registry, the chart pushed by
 * Helm) and a chart directory in a GitRepository (real smart-HTTP Git server, fetched by the
 * GitRepository reconciler). Also post-renderers and drift correction on the Git-sourced release.
 */
@ExtendWith(ClusterExtension.class)
class HelmReleaseSourcesIT {
  private static HelmHarness h;
  private static OciRegistry registry;
  private static GitHttpServer git;
  private static StepReconciler<GitRepository, GitRepositoryStatus, GitRepositoryRun>
      gitRepositories;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = HelmHarness.start(cluster);
    registry = OciRegistry.start(h.temp.resolve("registry"));
    Path chart = GatewayChart.write(Files.createTempDirectory(h.temp, "oci-"), "gateway", "2.0.0");
    HelmCharts.pushPlainHttp(
        HelmCharts.packageChart(chart, h.temp.resolve("oci-packages"), "gateway", "2.0.0"),
        registry.ociUrl("charts"));
    git = GitHttpServer.start(h.temp.resolve("git"));
    gitRepositories =
        GitRepositoryKind.reconciler(
            h.client,
            new GitFetcher(h.temp.resolve("git-cache"), h.store),
            new EventRecorder(h.client, "cairn", Clock.systemUTC()),
            "http://cairn-source.cairn-system/",
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (git != null) {
      git.close();
    }
    h.close();
  }

  private Deployment deployment(String ns, String name) {
    return h.client.apps().deployments().inNamespace(ns).withName(name).get();
  }

  @Test
  void installsAChartFromAnOciRegistry(TestCluster cluster) {
    String ns = cluster.createNamespace("oci");
    h.createRepository(ns, "registry", registry.ociUrl("charts"), "oci");
    h.createRelease(
        ns,
        "gw",
        HelmHarness.chartSpec("gateway", ">=2.0.0", "registry") + "values: {replicas: 2}\n");

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Ready").getMessage()).endsWith("with chart gateway@2.0.0");
    assertThat(status.getLastAttemptedRevision()).isEqualTo("2.0.0");
    assertThat(deployment(ns, "gw").getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void installsAChartFromAGitRepositoryPathWithPostRenderersAndCorrectsDrift(TestCluster cluster)
      throws Exception {
    String ns = cluster.createNamespace("git");
    String url = git.createRepository(ns);
    Path work = Files.createTempDirectory(h.temp, "work-");
    Path chart =
        GatewayChart.write(Files.createTempDirectory(h.temp, "git-chart-"), "gateway", "3.1.0");
    GitWorkingCopy copy = GitWorkingCopy.init(work);
    try (Stream<Path> files = Files.walk(chart)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        copy.write("charts/gateway/" + chart.relativize(file), Files.readString(file));
      }
    }
    copy.commitAll("gateway chart");
    copy.push(url);
    h.client
        .resource(
            h.client
                .getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: cairn.dev/v1
                    kind: GitRepository
                    metadata: {name: repo, namespace: %s}
                    spec: {url: "%s", interval: 1m, ref: {branch: main}}
                    """
                        .formatted(ns, url),
                    GitRepository.class))
        .create();
    gitRepositories.reconcile(ns, "repo", Trigger.INTERVAL).orElseThrow();
    h.createRelease(
        ns,
        "gw",
        """
        chart:
          spec:
            chart: ./charts/gateway
            sourceRef: {kind: GitRepository, name: repo}
        driftDetection: {mode: enabled}
        postRenderers:
        - kustomize:
            images:
            - {name: example.com/gateway, newTag: "9.9.9"}
            patches:
            - patch: |
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: gw-config}
                data: {patched: "yes"}
        """);

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Ready").getMessage()).endsWith("with chart gateway@3.1.0");
    assertThat(
            deployment(ns, "gw")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo("example.com/gateway:9.9.9");
    assertThat(h.client.configMaps().inNamespace(ns).withName("gw-config").get().getData())
        .containsEntry("patched", "yes")
        .containsEntry("greeting", "hello");

    // Someone scales the Deployment by hand; drift detection puts it back without a new revision.
    h.client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("gw")
        .edit(
            d -> {
              d.getSpec().setReplicas(7);
              return d;
            });
    status = h.sync(ns, "gw");
    assertThat(deployment(ns, "gw").getSpec().getReplicas()).isEqualTo(1);
    assertThat(status.getHistory()).hasSize(1);
    assertThat(h.client.v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(
            e -> assertThat(e.getMessage()).startsWith("Drift corrected: ").contains("Deployment"));
  }
}
