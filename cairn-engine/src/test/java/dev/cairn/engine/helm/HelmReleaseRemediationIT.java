package dev.cairn.engine.helm;

import static dev.cairn.engine.helm.HelmHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.api.helm.Snapshot;
import dev.cairn.sim.cluster.ReadinessSimulator;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Remediation against a workload that really never becomes ready: version 2.0.0 of the chart runs
 * an image the readiness simulator keeps progressing forever, so the upgrade's health check times
 * out; the release is rolled back to the previous image, and the failures are counted as Flux
 * counts them (one upgrade, then {@code retries} more, then the release stalls).
 */
@ExtendWith(ClusterExtension.class)
class HelmReleaseRemediationIT {
  private static final String GOOD_IMAGE = "example.com/stubborn:1.0";
  private static final String STUCK_IMAGE = "example\\.com/stubborn:2\\.0";

  private static HelmHarness h;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = HelmHarness.start(cluster);
    publish("1.0.0", "1.0");
    publish("2.0.0", "2.0");
  }

  /** The gateway chart as {@code stubborn}, its image tag the chart's appVersion. */
  private static void publish(String version, String appVersion) throws Exception {
    Path chart =
        GatewayChart.write(Files.createTempDirectory(h.temp, "stubborn-"), "stubborn", version);
    Files.writeString(
        chart.resolve("Chart.yaml"),
        "apiVersion: v2\nname: stubborn\nversion: "
            + version
            + "\nappVersion: \""
            + appVersion
            + "\"\n");
    Files.writeString(
        chart.resolve("values.yaml"),
        Files.readString(chart.resolve("values.yaml"))
            .replace("example.com/gateway", "example.com/stubborn"));
    h.publishDirectory(chart, "stubborn", version);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @AfterEach
  void clearRules(TestCluster cluster) {
    cluster.readiness().clearImageRules();
  }

  @Test
  void anUpgradeThatNeverBecomesReadyIsRolledBackAndRetriedAsOftenAsAllowed(TestCluster cluster) {
    String ns = cluster.createNamespace("stuck");
    h.createRepository(ns, "charts", h.repo.url(), null);
    cluster.readiness().failImages(STUCK_IMAGE, ReadinessSimulator.PROGRESSING_ONLY);
    release(ns, "1.0.0");

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(image(ns)).isEqualTo(GOOD_IMAGE);

    update(ns, "2.0.0");
    status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("UpgradeFailed");
    assertThat(condition(status, "Ready").getMessage())
        .as("the health check names what did not become ready")
        .contains("Deployment")
        .contains("gw");
    assertThat(condition(status, "Remediated").getReason()).isEqualTo("RollbackSucceeded");
    assertThat(image(ns)).isEqualTo(GOOD_IMAGE);
    assertThat(status.getUpgradeFailures()).isEqualTo(1L);
    assertThat(status.getInstallFailures()).isNull();
    assertThat(status.getHistory()).extracting(Snapshot::version).containsExactly(3, 2, 1);
    assertThat(status.getHistory())
        .extracting(Snapshot::status)
        .as("as helm rollback leaves them: the failed revision superseded by the rollback")
        .containsExactly("deployed", "superseded", "superseded");
    assertThat(status.getHistory().get(0).action()).isEqualTo("rollback");
    assertThat(status.getHistory().get(0).chartVersion()).isEqualTo("1.0.0");
    assertThat(status.getHistory().get(1).chartVersion()).isEqualTo("2.0.0");

    // retries: 1 — the upgrade is attempted once more, fails, is rolled back, and the release
    // stalls
    status = h.sync(ns, "gw");

    assertThat(status.getUpgradeFailures()).isEqualTo(2L);
    assertThat(image(ns)).isEqualTo(GOOD_IMAGE);
    assertThat(status.getHistory()).extracting(Snapshot::version).startsWith(5, 4, 3);
    assertThat(status.getHistory().get(0).action()).isEqualTo("rollback");
    assertThat(condition(status, "Stalled").getStatus()).isEqualTo("True");

    status = h.sync(ns, "gw");

    assertThat(condition(status, "Stalled").getReason()).isEqualTo("RetriesExceeded");
    assertThat(condition(status, "Stalled").getMessage()).contains("after 2 attempt(s)");
    assertThat(status.getUpgradeFailures()).as("no attempt after the retries").isEqualTo(2L);
    assertThat(status.getHistory()).extracting(Snapshot::version).startsWith(5, 4, 3);

    // once the image can run, a new generation upgrades cleanly and the counter resets
    cluster.readiness().clearImageRules();
    update(ns, "2.0.0", "values: {replicas: 2}\n");
    status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(image(ns)).isEqualTo("example.com/stubborn:2.0");
    assertThat(status.getUpgradeFailures()).isNull();
  }

  @Test
  void anInstallThatNeverBecomesReadyIsUninstalledBetweenAttemptsAndCountedPerAttempt(
      TestCluster cluster) {
    String ns = cluster.createNamespace("stuck-install");
    h.createRepository(ns, "charts", h.repo.url(), null);
    cluster.readiness().failImages(STUCK_IMAGE, ReadinessSimulator.PROGRESSING_ONLY);
    release(ns, "2.0.0");

    HelmReleaseStatus status = h.sync(ns, "gw");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("InstallFailed");
    assertThat(condition(status, "Remediated").getReason()).isEqualTo("UninstallSucceeded");
    assertThat(status.getInstallFailures()).isEqualTo(1L);
    assertThat(h.client.apps().deployments().inNamespace(ns).withName("gw").get()).isNull();

    status = h.sync(ns, "gw");

    assertThat(status.getInstallFailures()).isEqualTo(2L);
    assertThat(condition(status, "Stalled").getStatus()).isEqualTo("True");
    // as Flux: install.remediation.remediateLastFailure defaults to false, so the last failed
    // install stays for inspection
    assertThat(image(ns)).isEqualTo("example.com/stubborn:2.0");

    status = h.sync(ns, "gw");

    assertThat(condition(status, "Stalled").getReason()).isEqualTo("RetriesExceeded");
    assertThat(status.getInstallFailures()).as("no attempt after the retries").isEqualTo(2L);
  }

  private static String image(String ns) {
    Deployment d = h.client.apps().deployments().inNamespace(ns).withName("gw").get();
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private static String spec(String version, String extra) {
    return """
        interval: 5m
        timeout: 2s
        chart:
          spec:
            chart: stubborn
            version: "%s"
            sourceRef: {kind: HelmRepository, name: charts}
        install: {remediation: {retries: 1}}
        upgrade: {remediation: {retries: 1}}
        %s"""
        .formatted(version, extra);
  }

  private static void release(String ns, String version) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: HelmRelease
        metadata: {name: gw, namespace: %s}
        spec:
        %s
        """
            .formatted(ns, spec(version, "").indent(2));
    h.client
        .resource(h.client.getKubernetesSerialization().unmarshal(yaml, HelmRelease.class))
        .create();
  }

  private static void update(String ns, String version) {
    update(ns, version, "");
  }

  private static void update(String ns, String version, String extra) {
    HelmRelease parsed =
        h.client
            .getKubernetesSerialization()
            .unmarshal(
                """
                apiVersion: cairn.dev/v1
                kind: HelmRelease
                metadata: {name: gw, namespace: %s}
                spec:
                %s
                """
                    .formatted(ns, spec(version, extra).indent(2)),
                HelmRelease.class);
    h.client
        .resources(HelmRelease.class)
        .inNamespace(ns)
        .withName("gw")
        .edit(
            live -> {
              live.setSpec(parsed.getSpec());
              return live;
            });
  }
}
