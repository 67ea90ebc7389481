package dev.cairn.engine.helm;

import static dev.cairn.engine.helm.HelmHarness.chartSpec;
import static dev.cairn.engine.helm.HelmHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.InventoryEntry;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.api.helm.Snapshot;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.Trigger;
import dev.cairn.sim.cluster.RequestCounter;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The release lifecycle around install and upgrade: hooks and CRDs, install failures with and
 * without remediation, Flux's force and reset requests, dependsOn, suspend, drift in warn mode and
 * {@code maxHistory}.
 */
@ExtendWith(ClusterExtension.class)
class HelmReleaseLifecycleIT {
  private static HelmHarness h;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = HelmHarness.start(cluster);
    h.publish("gateway", "1.0.0", false);
    Path hooked =
        GatewayChart.write(Files.createTempDirectory(h.temp, "hooked-"), "hooked", "1.0.0");
    GatewayChart.addHooksAndCrds(hooked);
    h.publishDirectory(hooked, "hooked", "1.0.0");
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

  private static Condition ready(HelmReleaseStatus status) {
    return new Condition(condition(status, "Ready"));
  }

  private record Condition(io.fabric8.kubernetes.api.model.Condition c) {
    String status() {
      return c.getStatus();
    }

    String reason() {
      return c.getReason();
    }

    String message() {
      return c.getMessage();
    }
  }

  @Test
  void runsHooksAroundTheMainSetAndCreatesTheChartsCrds(TestCluster cluster) {
    String ns = namespace(cluster, "hooks");
    h.createRelease(ns, "gw", chartSpec("hooked", "1.0.0", "charts"));

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(ready(status).status()).isEqualTo("True");
    Job migrate = h.client.batch().v1().jobs().inNamespace(ns).withName("gw-migrate").get();
    assertThat(migrate).isNotNull();
    assertThat(migrate.getStatus().getSucceeded()).isEqualTo(1);
    assertThat(h.client.configMaps().inNamespace(ns).withName("gw-announce").get().getData())
        .containsEntry("revision", "1");
    assertThat(
            h.client
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("routes.gateway.example.com")
                .get())
        .isNotNull();
    GenericKubernetesResource route =
        h.client
            .genericKubernetesResources("gateway.example.com/v1", "Route")
            .inNamespace(ns)
            .withName("gw-default")
            .get();
    assertThat(route).isNotNull();
    assertThat(status.getInventory().entries())
        .extracting(InventoryEntry::id)
        .contains(ns + "_gw-default_gateway.example.com_Route")
        .noneMatch(
            id -> id.contains("migrate") || id.contains("announce") || id.contains("routes."));
  }

  @Test
  void aFailedInstallStallsWithoutRetriesAndIsUninstalledWithThem(TestCluster cluster) {
    String ns = namespace(cluster, "install-fail");
    cluster.readiness().keepFailing("Deployment", ns, "gw");
    h.createRelease(ns, "gw", chartSpec("gateway", "1.0.0", "charts"));

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(ready(status).status()).isEqualTo("False");
    assertThat(ready(status).reason()).isEqualTo("InstallFailed");
    assertThat(condition(status, "Stalled").getStatus()).isEqualTo("True");
    assertThat(status.getInstallFailures()).isEqualTo(1L);
    assertThat(status.getHistory()).extracting(Snapshot::status).containsExactly("failed");
    // Without remediation the failed objects stay for inspection.
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("gw").get()).isNotNull();

    // A new generation with one retry: the failed install is uninstalled, and retried later.
    h.updateRelease(
        ns,
        "gw",
        chartSpec("gateway", "1.0.0", "charts") + "install: {remediation: {retries: 1}}\n");
    status = h.sync(ns, "gw");

    assertThat(ready(status).reason()).isEqualTo("InstallFailed");
    assertThat(condition(status, "Remediated").getReason()).isEqualTo("UninstallSucceeded");
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("gw").get()).isNull();
    assertThat(h.client.secrets().inNamespace(ns).withLabel("owner", "helm").list().getItems())
        .isEmpty();

    cluster.readiness().stopFailing("Deployment", ns, "gw");
    status = h.sync(ns, "gw");
    assertThat(ready(status).status()).isEqualTo("True");
    assertThat(ready(status).message()).contains(ns + "/gw.v1");
  }

  @Test
  void forceAndResetRequestsAreHandledOnce(TestCluster cluster) {
    String ns = namespace(cluster, "requests");
    h.createRelease(ns, "gw", chartSpec("gateway", "1.0.0", "charts"));
    h.sync(ns, "gw");

    annotate(ns, "reconcile.cairn.dev/forceAt", "2026-11-23T10:00:00Z");
    HelmReleaseStatus status = h.sync(ns, "gw");
    assertThat(status.getLastHandledForceAt()).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(status.getHistory()).extracting(Snapshot::version).containsExactly(2, 1);
    status = h.sync(ns, "gw");
    assertThat(status.getHistory()).hasSize(2);

    // Exhaust the (zero) retries of an upgrade, then reset.
    cluster.readiness().keepFailing("Deployment", ns, "gw");
    h.updateRelease(ns, "gw", chartSpec("gateway", "1.0.0", "charts") + "values: {replicas: 2}\n");
    status = h.sync(ns, "gw");
    assertThat(condition(status, "Stalled").getStatus()).isEqualTo("True");
    status = h.sync(ns, "gw");
    assertThat(condition(status, "Stalled").getReason()).isEqualTo("RetriesExceeded");
    assertThat(status.getHistory()).hasSize(3);

    cluster.readiness().stopFailing("Deployment", ns, "gw");
    annotate(ns, "reconcile.cairn.dev/resetAt", "2026-11-23T11:00:00Z");
    status = h.sync(ns, "gw");
    assertThat(status.getLastHandledResetAt()).isEqualTo("2026-11-23T11:00:00Z");
    assertThat(ready(status).status()).isEqualTo("True");
    assertThat(status.getHistory().get(0).version()).isEqualTo(4);
  }

  @Test
  void waitsForDependenciesAndLeavesASuspendedReleaseAlone(TestCluster cluster) {
    String ns = namespace(cluster, "depends");
    h.createRelease(
        ns, "app", chartSpec("gateway", "1.0.0", "charts") + "dependsOn: [{name: infra}]\n");

    HelmReleaseStatus status = h.sync(ns, "app");
    assertThat(ready(status).reason()).isEqualTo("DependencyNotReady");
    assertThat(ready(status).message()).isEqualTo("dependency '" + ns + "/infra' is not ready");

    h.createRelease(ns, "infra", chartSpec("gateway", "1.0.0", "charts") + "suspend: true\n");
    ReconcileResult<HelmReleaseStatus> suspended =
        h.releases.reconcile(ns, "infra", Trigger.INTERVAL).orElseThrow();
    assertThat(suspended.patchStatus()).isFalse();
    assertThat(h.live(ns, "infra").getStatus()).isNull();
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("infra").get()).isNull();
  }

  @Test
  void driftInWarnModeIsReportedNotCorrected(TestCluster cluster) {
    String ns = namespace(cluster, "warn");
    h.createRelease(
        ns, "gw", chartSpec("gateway", "1.0.0", "charts") + "driftDetection: {mode: warn}\n");
    h.sync(ns, "gw");
    h.client
        .configMaps()
        .inNamespace(ns)
        .withName("gw-config")
        .edit(
            c -> {
              c.getData().put("greeting", "changed-by-hand");
              return c;
            });

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(ready(status).status()).isEqualTo("True");
    assertThat(condition(status, "Drifted").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Drifted").getMessage())
        .contains("ConfigMap")
        .contains("gw-config");
    assertThat(h.client.configMaps().inNamespace(ns).withName("gw-config").get().getData())
        .containsEntry("greeting", "changed-by-hand");
    assertThat(h.client.v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("DriftDetected"));
  }

  @Test
  void maxHistoryKeepsTheNewestRevisionsAndAnUpgradeListsTheStorageOnce(TestCluster cluster) {
    String ns = namespace(cluster, "history");
    String spec = chartSpec("gateway", "1.0.0", "charts") + "maxHistory: 2\n";
    h.createRelease(ns, "gw", spec + "values: {replicas: 1}\n");
    assertThat(ready(h.sync(ns, "gw")).status()).isEqualTo("True");

    HelmReleaseStatus status = null;
    for (int replicas = 2; replicas <= 3; replicas++) {
      h.updateRelease(ns, "gw", spec + "values: {replicas: " + replicas + "}\n");
      long listsBefore = secretLists(cluster);
      status = h.sync(ns, "gw");
      assertThat(ready(status).status()).isEqualTo("True");
      assertThat(condition(status, "Released").getReason()).isEqualTo("UpgradeSucceeded");
      if (cluster.isSimulated()) {
        // the history after the new revision is known without listing the storage again
        assertThat(secretLists(cluster) - listsBefore).isEqualTo(1);
      }
    }

    assertThat(status.getHistory()).extracting(Snapshot::version).containsExactly(3, 2);
    assertThat(status.getHistory())
        .extracting(Snapshot::status)
        .containsExactly("deployed", "superseded");
    assertThat(status.getLastReleaseRevision()).isEqualTo(3L);
    assertThat(
            h.client
                .secrets()
                .inNamespace(ns)
                .withLabels(java.util.Map.of("owner", "helm", "name", "gw"))
                .list()
                .getItems())
        .extracting(
            s -> s.getMetadata().getName() + "=" + s.getMetadata().getLabels().get("status"))
        .containsExactlyInAnyOrder(
            "sh.helm.release.v1.gw.v2=superseded", "sh.helm.release.v1.gw.v3=deployed");
  }

  private static long secretLists(TestCluster cluster) {
    return cluster.isSimulated()
        ? cluster.requests().count(RequestCounter.Verb.LIST, "secrets")
        : 0;
  }

  private static void annotate(String ns, String key, String value) {
    h.client
        .resources(HelmRelease.class)
        .inNamespace(ns)
        .withName("gw")
        .edit(
            hr -> {
              hr.getMetadata().getAnnotations().put(key, value);
              return hr;
            });
  }
}
