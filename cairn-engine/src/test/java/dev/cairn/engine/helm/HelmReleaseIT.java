package dev.cairn.engine.helm;

import static dev.cairn.engine.helm.HelmHarness.chartSpec;
import static dev.cairn.engine.helm.HelmHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.api.helm.Snapshot;
import dev.cairn.engine.Trigger;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HelmReleases of an API-gateway chart served by a real Helm repository, against the simulated
 * cluster: install, upgrades from values, a failing upgrade rolled back, a chart that does not
 * render, a chart version that does not exist, a missing values Secret, uninstall on delete, and
 * release Secrets that Helm itself reads.
 */
@ExtendWith(ClusterExtension.class)
class HelmReleaseIT {
  private static HelmHarness h;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = HelmHarness.start(cluster);
    h.publish("gateway", "1.0.0", false);
    h.publish("gateway", "1.1.0", true);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private String namespace(TestCluster cluster, String prefix) {
    String ns = cluster.createNamespace(prefix);
    h.createRepository(ns, "charts", h.repo.url(), null);
    return ns;
  }

  private Deployment deployment(String ns, String name) {
    return h.client.apps().deployments().inNamespace(ns).withName(name).get();
  }

  @Test
  void installsThenUpgradesFromValuesAndKeepsHelmCompatibleRecords(TestCluster cluster)
      throws Exception {
    String ns = namespace(cluster, "install");
    h.createRelease(ns, "gw", chartSpec("gateway", "1.0.0", "charts") + "values: {replicas: 2}\n");

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Ready").getMessage())
        .isEqualTo("Helm install succeeded for release " + ns + "/gw.v1 with chart gateway@1.0.0");
    assertThat(condition(status, "Released").getReason()).isEqualTo("InstallSucceeded");
    assertThat(deployment(ns, "gw").getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment(ns, "gw").getMetadata().getLabels())
        .containsEntry("helm.cairn.dev/name", "gw")
        .containsEntry("app.kubernetes.io/managed-by", "Helm");
    assertThat(deployment(ns, "gw").getMetadata().getAnnotations())
        .containsEntry("meta.helm.sh/release-name", "gw");
    assertThat(h.client.services().inNamespace(ns).withName("gw").get().getSpec().getPorts())
        .extracting(p -> p.getPort())
        .containsExactly(8080);
    assertThat(h.client.network().v1().ingresses().inNamespace(ns).withName("gw").get())
        .isNotNull();
    assertThat(h.client.configMaps().inNamespace(ns).withName("gw-config").get().getData())
        .containsEntry("greeting", "hello");
    assertThat(status.getHelmChart()).isEqualTo(ns + "/" + ns + "-gw");
    assertThat(status.getInventory().entries()).hasSize(4);
    assertThat(status.getHistory()).hasSize(1);
    Snapshot first = status.getHistory().get(0);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.status()).isEqualTo("deployed");
    assertThat(first.chartName()).isEqualTo("gateway");
    assertThat(first.chartVersion()).isEqualTo("1.0.0");
    assertThat(first.configDigest()).startsWith("sha256:");
    assertThat(h.live(ns, "gw").getMetadata().getFinalizers()).contains("cairn.dev/finalizer");

    Secret v1 = h.client.secrets().inNamespace(ns).withName("sh.helm.release.v1.gw.v1").get();
    assertThat(v1.getType()).isEqualTo("helm.sh/release.v1");
    assertThat(v1.getMetadata().getLabels())
        .containsEntry("owner", "helm")
        .containsEntry("name", "gw")
        .containsEntry("status", "deployed")
        .containsEntry("version", "1");
    ReleaseRecord decoded =
        ReleaseCodec.decode(
            new String(
                Base64.getDecoder().decode(v1.getData().get("release")), StandardCharsets.UTF_8));
    assertThat(decoded.config()).isEqualTo(Map.of("replicas", 2));
    assertThat(decoded.manifest()).contains("kind: Deployment").contains("kind: Ingress");

    // Upgrade: inline values and a valuesFrom ConfigMap (targetPath), merged in Flux's order.
    h.client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("gw-values")
                .endMetadata()
                .addToData("values.yaml", "service:\n  port: 9090\ngreeting: from-configmap\n")
                .addToData("host", "api.example.com")
                .build())
        .create();
    h.updateRelease(
        ns,
        "gw",
        chartSpec("gateway", "1.0.0", "charts")
            + """
            valuesFrom:
            - {kind: ConfigMap, name: gw-values}
            - {kind: ConfigMap, name: gw-values, valuesKey: host, targetPath: ingress.host}
            values: {replicas: 3, greeting: inline-wins}
            """);

    status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getMessage())
        .isEqualTo("Helm upgrade succeeded for release " + ns + "/gw.v2 with chart gateway@1.0.0");
    assertThat(deployment(ns, "gw").getSpec().getReplicas()).isEqualTo(3);
    assertThat(h.client.services().inNamespace(ns).withName("gw").get().getSpec().getPorts())
        .extracting(p -> p.getPort())
        .containsExactly(9090);
    assertThat(h.client.configMaps().inNamespace(ns).withName("gw-config").get().getData())
        .containsEntry("greeting", "inline-wins");
    assertThat(
            h.client
                .network()
                .v1()
                .ingresses()
                .inNamespace(ns)
                .withName("gw")
                .get()
                .getSpec()
                .getRules()
                .get(0)
                .getHost())
        .isEqualTo("api.example.com");
    assertThat(status.getHistory()).extracting(Snapshot::version).containsExactly(2, 1);
    assertThat(status.getHistory())
        .extracting(Snapshot::status)
        .containsExactly("deployed", "superseded");
    assertThat(
            h.client
                .secrets()
                .inNamespace(ns)
                .withName("sh.helm.release.v1.gw.v1")
                .get()
                .getMetadata()
                .getLabels())
        .containsEntry("status", "superseded");

    // A second run changes nothing: no new revision.
    status = h.sync(ns, "gw");
    assertThat(status.getHistory()).hasSize(2);

    // Helm itself reads Cairn's records.
    if (cluster.isSimulated()) {
      Path kubeconfig =
          cluster.simulated().orElseThrow().writeKubeconfig(h.temp.resolve(ns + ".kubeconfig"));
      List<Release> releases = Helm.list().withKubeConfig(kubeconfig).withNamespace(ns).call();
      assertThat(releases).extracting(Release::getName).containsExactly("gw");
      assertThat(releases.get(0).getRevision()).isEqualTo("2");
      assertThat(releases.get(0).getChart()).isEqualTo("gateway-1.0.0");
      assertThat(releases.get(0).getStatus()).isEqualTo("deployed");
      assertThat(Helm.history("gw").withKubeConfig(kubeconfig).withNamespace(ns).call()).hasSize(2);
    }
  }

  @Test
  void aFailingUpgradeIsRolledBackToTheLastGoodRevision(TestCluster cluster) throws Exception {
    String ns = namespace(cluster, "rollback");
    h.createRelease(ns, "gw", chartSpec("gateway", "1.0.0", "charts"));
    assertThat(condition(h.sync(ns, "gw"), "Ready").getStatus()).isEqualTo("True");

    cluster.readiness().keepFailing("Deployment", ns, "gw-worker");
    h.updateRelease(
        ns,
        "gw",
        chartSpec("gateway", "1.0.0", "charts")
            + "upgrade: {remediation: {retries: 1}}\nvalues: {worker: {enabled: true}, replicas: 2}\n");
    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("UpgradeFailed");
    assertThat(condition(status, "Ready").getMessage()).contains("gw-worker");
    assertThat(condition(status, "Remediated").getReason()).isEqualTo("RollbackSucceeded");
    assertThat(deployment(ns, "gw-worker")).isNull();
    assertThat(deployment(ns, "gw").getSpec().getReplicas()).isEqualTo(1);
    assertThat(status.getUpgradeFailures()).isEqualTo(1L);
    assertThat(status.getHistory()).extracting(Snapshot::version).startsWith(3, 2, 1);
    assertThat(status.getHistory().get(0).status()).isEqualTo("deployed");
    assertThat(status.getHistory().get(0).action()).isEqualTo("rollback");
    assertThat(status.getHistory().get(1).status()).isEqualTo("superseded");
    assertThat(status.getInventory().entries()).noneMatch(e -> e.id().contains("gw-worker"));
  }

  @Test
  void aChartThatDoesNotRenderLeavesTheReleaseRunning(TestCluster cluster) throws Exception {
    String ns = namespace(cluster, "broken");
    h.createRelease(ns, "gw", chartSpec("gateway", "1.0.0", "charts") + "values: {replicas: 2}\n");
    h.sync(ns, "gw");
    String before = deployment(ns, "gw").getMetadata().getResourceVersion();

    h.updateRelease(ns, "gw", chartSpec("gateway", "1.1.0", "charts") + "values: {replicas: 5}\n");
    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("UpgradeFailed");
    assertThat(condition(status, "Ready").getMessage())
        .contains("gateway/templates/broken.yaml:4")
        .contains("nosuchfunc");
    assertThat(deployment(ns, "gw").getMetadata().getResourceVersion()).isEqualTo(before);
    assertThat(deployment(ns, "gw").getSpec().getReplicas()).isEqualTo(2);
    assertThat(status.getHistory()).hasSize(1);
  }

  @Test
  void aChartVersionThatDoesNotExistWaitsWithTheSourcesReason(TestCluster cluster) {
    String ns = namespace(cluster, "missing");
    h.createRelease(ns, "gw", chartSpec("gateway", "9.9.9", "charts"));

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("ArtifactFailed");
    assertThat(condition(status, "Ready").getMessage())
        .contains("HelmChart '" + ns + "/" + ns + "-gw' is not ready")
        .contains("InvalidChartReference")
        .contains("9.9.9");
    assertThat(condition(status, "Reconciling").getStatus()).isEqualTo("True");
    assertThat(deployment(ns, "gw")).isNull();
  }

  @Test
  void aMissingValuesSecretFailsWithoutLeakingValues(TestCluster cluster) {
    String ns = namespace(cluster, "values");
    h.client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("present")
                .endMetadata()
                .addToStringData("values.yaml", "greeting: s3cr3t-value\n")
                .build())
        .create();
    h.createRelease(
        ns,
        "gw",
        chartSpec("gateway", "1.0.0", "charts")
            + """
            valuesFrom:
            - {kind: Secret, name: present}
            - {kind: Secret, name: optional-one, optional: true}
            - {kind: Secret, name: absent}
            """);

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getReason()).isEqualTo("ValuesError");
    assertThat(condition(status, "Ready").getMessage())
        .contains("Secret '" + ns + "/absent'")
        .doesNotContain("s3cr3t");
    assertThat(deployment(ns, "gw")).isNull();
  }

  @Test
  void deletingTheHelmReleaseUninstallsIt(TestCluster cluster) throws Exception {
    String ns = namespace(cluster, "delete");
    h.createRelease(ns, "gw", chartSpec("gateway", "1.0.0", "charts"));
    h.sync(ns, "gw");
    assertThat(deployment(ns, "gw")).isNotNull();

    h.client
        .resources(dev.cairn.api.helm.HelmRelease.class)
        .inNamespace(ns)
        .withName("gw")
        .delete();
    assertThat(h.live(ns, "gw").getMetadata().getDeletionTimestamp()).isNotNull();
    h.releases.reconcile(ns, "gw", Trigger.WATCH);

    assertThat(h.live(ns, "gw")).isNull();
    assertThat(deployment(ns, "gw")).isNull();
    assertThat(h.client.services().inNamespace(ns).withName("gw").get()).isNull();
    assertThat(h.client.configMaps().inNamespace(ns).withName("gw-config").get()).isNull();
    assertThat(h.client.secrets().inNamespace(ns).withLabel("owner", "helm").list().getItems())
        .isEmpty();
    assertThat(
            h.client
                .resources(dev.cairn.api.source.HelmChart.class)
                .inNamespace(ns)
                .list()
                .getItems())
        .isEmpty();
  }
}
