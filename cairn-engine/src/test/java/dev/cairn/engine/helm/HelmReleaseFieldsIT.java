package dev.cairn.engine.helm;

import static dev.cairn.engine.helm.HelmHarness.chartSpec;
import static dev.cairn.engine.helm.HelmHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.InventoryEntry;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.engine.Trigger;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HelmRelease fields acted on since they left the schema-only list: {@code install.createNamespace}
 * and {@code disableHooks}, {@code upgrade.cleanupOnFail} and {@code preserveValues}, {@code
 * rollback.cleanupOnFail}, {@code install.disableWaitForJobs}, {@code dependsOn[].readyExpr},
 * {@code healthCheckExprs} with a per-action timeout, {@code serviceAccountName} impersonation,
 * {@code kubeConfig} (a remote cluster), and a refused field that stalls before anything is
 * released.
 */
@ExtendWith(ClusterExtension.class)
class HelmReleaseFieldsIT {
  private static HelmHarness h;
  private static SimulatedCluster remote;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = HelmHarness.start(cluster);
    h.publish("gateway", "1.0.0", false);
    Path hooked =
        GatewayChart.write(Files.createTempDirectory(h.temp, "hooked-"), "hooked", "1.0.0");
    GatewayChart.addHooksAndCrds(hooked);
    h.publishDirectory(hooked, "hooked", "1.0.0");
    Path batch = GatewayChart.write(Files.createTempDirectory(h.temp, "batch-"), "batch", "1.0.0");
    Files.writeString(
        batch.resolve("templates/job.yaml"),
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {{ .Release.Name }}-seed
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: seed
                image: "{{ .Values.image }}-seed:{{ .Chart.AppVersion }}"
        """);
    h.publishDirectory(batch, "batch", "1.0.0");
    remote = SimulatedCluster.start();
  }

  @AfterAll
  static void stop() {
    h.close();
    remote.close();
  }

  private String namespace(TestCluster cluster, String prefix) {
    String ns = cluster.createNamespace(prefix);
    h.createRepository(ns, "charts", h.repo.url(), null);
    return ns;
  }

  @Test
  void createsAMissingTargetNamespaceAndSkipsHooksWhenAsked(TestCluster cluster) {
    String ns = namespace(cluster, "create-ns");
    String target = ns + "-target";
    assertThat(h.client.namespaces().withName(target).get()).isNull();
    h.createRelease(
        ns,
        "gw",
        chartSpec("hooked", "1.0.0", "charts")
            + "releaseName: gw\ntargetNamespace: "
            + target
            + "\ninstall: {createNamespace: true, disableHooks: true}\n");

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(h.client.namespaces().withName(target).get()).isNotNull();
    assertThat(h.client.apps().deployments().inNamespace(target).withName("gw").get()).isNotNull();
    assertThat(h.client.batch().v1().jobs().inNamespace(target).withName("gw-migrate").get())
        .isNull();
    assertThat(h.client.configMaps().inNamespace(target).withName("gw-announce").get()).isNull();
    // Helm does not own the namespace it creates: it is not in the inventory.
    assertThat(status.getInventory().entries())
        .extracting(InventoryEntry::id)
        .noneMatch(id -> id.endsWith("_Namespace"));
  }

  @Test
  void aFailedUpgradeWithCleanupOnFailDeletesWhatItCreated(TestCluster cluster) {
    String ns = namespace(cluster, "cleanup");
    h.createRelease(ns, "gw", chartSpec("gateway", "1.0.0", "charts"));
    assertThat(condition(h.sync(ns, "gw"), "Ready").getStatus()).isEqualTo("True");

    cluster.readiness().keepFailing("Deployment", ns, "gw-worker");
    h.updateRelease(
        ns,
        "gw",
        chartSpec("gateway", "1.0.0", "charts")
            + "values: {worker: {enabled: true}}\nupgrade: {cleanupOnFail: true}\n");
    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getReason()).isEqualTo("UpgradeFailed");
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("gw-worker").get()).isNull();
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("gw").get()).isNotNull();
    assertThat(status.getInventory().entries())
        .extracting(InventoryEntry::id)
        .contains(ns + "_gw_apps_Deployment")
        .noneMatch(id -> id.contains("gw-worker"));
  }

  @Test
  void aFailedRollbackWithCleanupOnFailDeletesWhatItCreated(TestCluster cluster) {
    String ns = namespace(cluster, "rollback-cleanup");
    h.createRelease(
        ns, "gw", chartSpec("gateway", "1.0.0", "charts") + "values: {worker: {enabled: true}}\n");
    assertThat(condition(h.sync(ns, "gw"), "Ready").getStatus()).isEqualTo("True");

    // v2 drops the worker and fails; the rollback to v1 recreates the worker and fails too.
    cluster.readiness().keepFailing("Deployment", ns, "gw");
    h.updateRelease(
        ns,
        "gw",
        chartSpec("gateway", "1.0.0", "charts")
            + "values: {worker: {enabled: false}, replicas: 2}\n"
            + "upgrade: {remediation: {retries: 1}}\nrollback: {cleanupOnFail: true}\n");
    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Remediated").getReason()).isEqualTo("RollbackFailed");
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("gw-worker").get()).isNull();
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("gw").get()).isNotNull();
    assertThat(status.getInventory().entries())
        .extracting(InventoryEntry::id)
        .noneMatch(id -> id.contains("gw-worker"));
  }

  @Test
  void disableWaitForJobsLeavesTheChartsJobsOutOfTheWait(TestCluster cluster) {
    String ns = namespace(cluster, "jobs");
    cluster.readiness().keepFailing("Job", ns, "waits-seed");
    cluster.readiness().keepFailing("Job", ns, "skips-seed");
    h.createRelease(ns, "waits", chartSpec("batch", "1.0.0", "charts"));
    h.createRelease(
        ns,
        "skips",
        chartSpec("batch", "1.0.0", "charts") + "install: {disableWaitForJobs: true}\n");

    assertThat(condition(h.sync(ns, "waits"), "Ready").getReason()).isEqualTo("InstallFailed");
    HelmReleaseStatus skips = h.sync(ns, "skips");
    assertThat(condition(skips, "Ready").getStatus()).isEqualTo("True");
    assertThat(skips.getInventory().entries())
        .extracting(InventoryEntry::id)
        .contains(ns + "_skips-seed_batch_Job");
  }

  @Test
  void readyExprDecidesWhetherADependencyIsReady(TestCluster cluster) {
    String ns = namespace(cluster, "ready-expr");
    // Never reconciled: no Ready condition, only the expression can let dependents go.
    h.createRelease(ns, "infra", chartSpec("gateway", "1.0.0", "charts") + "suspend: true\n");
    h.createRelease(
        ns,
        "app",
        chartSpec("gateway", "1.0.0", "charts")
            + "dependsOn: [{name: infra, readyExpr: \"self.spec.interval == '1h'\"}]\n");

    HelmReleaseStatus status = h.sync(ns, "app");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("DependencyNotReady");

    h.updateRelease(
        ns,
        "app",
        chartSpec("gateway", "1.0.0", "charts")
            + "dependsOn: [{name: infra, readyExpr: \"self.spec.suspend == true\"}]\n");
    status = h.sync(ns, "app");
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
  }

  @Test
  void healthCheckExprsJudgeCustomKinds(TestCluster cluster) {
    String ns = namespace(cluster, "health-exprs");
    h.createRelease(
        ns,
        "gw",
        chartSpec("hooked", "1.0.0", "charts")
            + """
            install: {timeout: 20s}
            healthCheckExprs:
            - apiVersion: gateway.example.com/v1
              kind: Route
              current: "false"
              failed: "self.spec.host == 'gw.example.com'"
            """);

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getReason()).isEqualTo("InstallFailed");
    assertThat(condition(status, "Ready").getMessage()).contains("gw-default");
  }

  @Test
  void serviceAccountNameImpersonatesTheAccountForTheReleaseAndItsStorage(TestCluster cluster) {
    Assumptions.assumeTrue(cluster.isSimulated(), "reads the simulated cluster's request log");
    String ns = namespace(cluster, "tenant");
    cluster.allowServiceAccount(ns, "deployer", "*");
    h.createRelease(
        ns, "gw", chartSpec("gateway", "1.0.0", "charts") + "serviceAccountName: deployer\n");

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    Map<String, Long> asDeployer =
        cluster.requests().impersonating("system:serviceaccount:" + ns + ":deployer");
    assertThat(asDeployer.get("apply deployments.apps")).isNotNull().isPositive();
    assertThat(asDeployer.get("get deployments.apps")).isNotNull().isPositive();
    assertThat(asDeployer.keySet()).anyMatch(k -> k.endsWith(" secrets"));
    assertThat(asDeployer.keySet()).noneMatch(k -> k.contains("helmreleases"));
  }

  @Test
  void kubeConfigReleasesToTheRemoteClusterAndKeepsTheStatusHome(TestCluster cluster)
      throws Exception {
    String ns = namespace(cluster, "remote");
    remote
        .client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    String kubeconfig =
        Files.readString(remote.writeKubeconfig(Files.createTempFile(h.temp, "remote", ".yaml")));
    h.client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("remote-kubeconfig")
                .endMetadata()
                .withStringData(Map.of("value", kubeconfig))
                .build())
        .create();
    h.createRelease(
        ns,
        "gw",
        chartSpec("gateway", "1.0.0", "charts")
            + "kubeConfig: {secretRef: {name: remote-kubeconfig}}\n");

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(remote.client().apps().deployments().inNamespace(ns).withName("gw").get())
        .isNotNull();
    assertThat(
            remote.client().secrets().inNamespace(ns).withLabel("owner", "helm").list().getItems())
        .hasSize(1);
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("gw").get()).isNull();
    assertThat(h.client.secrets().inNamespace(ns).withLabel("owner", "helm").list().getItems())
        .isEmpty();

    h.client.resources(HelmRelease.class).inNamespace(ns).withName("gw").delete();
    h.releases.reconcile(ns, "gw", Trigger.INTERVAL);
    assertThat(h.live(ns, "gw")).isNull();
    assertThat(remote.client().apps().deployments().inNamespace(ns).withName("gw").get()).isNull();
  }

  @Test
  void preserveValuesKeepsTheLastDeployedValuesUnderTheNewOnes(TestCluster cluster) {
    String ns = namespace(cluster, "preserve");
    h.createRelease(ns, "gw", chartSpec("gateway", "1.0.0", "charts") + "values: {replicas: 2}\n");
    assertThat(condition(h.sync(ns, "gw"), "Ready").getStatus()).isEqualTo("True");

    h.updateRelease(
        ns,
        "gw",
        chartSpec("gateway", "1.0.0", "charts")
            + "values: {greeting: hi}\nupgrade: {preserveValues: true}\n");
    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Released").getReason()).isEqualTo("UpgradeSucceeded");
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("gw").get())
        .satisfies(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
    assertThat(h.client.configMaps().inNamespace(ns).withName("gw-config").get().getData())
        .containsEntry("greeting", "hi");
    // The merged values are stable: the next run finds the release in sync.
    status = h.sync(ns, "gw");
    assertThat(status.getHistory()).hasSize(2);
  }

  @Test
  void aRefusedFieldStallsBeforeAnythingIsReleased(TestCluster cluster) {
    String ns = namespace(cluster, "refused");
    h.createRelease(
        ns, "gw", chartSpec("gateway", "1.0.0", "charts") + "rollback: {recreate: true}\n");

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Stalled").getReason()).isEqualTo("InvalidSpec");
    assertThat(condition(status, "Ready").getMessage())
        .isEqualTo(
            "spec.rollback.recreate is not supported for HelmReleases yet: objects are not recreated");
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("gw").get()).isNull();
  }
}
