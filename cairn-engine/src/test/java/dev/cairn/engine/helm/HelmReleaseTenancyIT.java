package dev.cairn.engine.helm;

import static dev.cairn.engine.helm.HelmHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Tenancy;
import dev.cairn.engine.Trigger;
import dev.cairn.render.helm.HelmPostRenderer;
import dev.cairn.render.helm.HelmTemplateRenderer;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flux's lockdown for HelmReleases: a chart source or a dependency in another namespace is refused
 * with AccessDenied, and a release without serviceAccountName impersonates the default account.
 */
@ExtendWith(ClusterExtension.class)
class HelmReleaseTenancyIT {
  private static final String DEFAULT_ACCOUNT = "tenant-deployer";
  private static HelmHarness h;
  private static StepReconciler<HelmRelease, HelmReleaseStatus, HelmReleaseRun> lockedDown;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = HelmHarness.start(cluster);
    h.publish("gateway", "1.0.0", false);
    Clock clock = Clock.systemUTC();
    lockedDown =
        new StepReconciler<>(
            h.client,
            new HelmReleaseKind(
                h.client,
                h.store,
                HelmTemplateRenderer.defaults(),
                HelmPostRenderer.defaults(),
                h.manager,
                new Fabric8ClusterClient(h.client),
                new EventRecorder(h.client, "cairn", clock),
                ApplyOptions.defaults(),
                Duration.ofSeconds(30),
                new Tenancy(true, DEFAULT_ACCOUNT)),
            clock);
  }

  @AfterAll
  static void stop() {
    lockedDown.close();
    h.close();
  }

  @Test
  void aChartSourceInAnotherNamespaceIsRefused(TestCluster cluster) {
    String shared = cluster.createNamespace("shared-charts");
    h.createRepository(shared, "charts", h.repo.url(), null);
    String tenant = cluster.createNamespace("tenant");
    h.createRelease(
        tenant,
        "web",
        """
        chart:
          spec:
            chart: gateway
            version: "1.0.0"
            sourceRef: {kind: HelmRepository, name: charts, namespace: %s}
        """
            .formatted(shared));

    Condition ready = run(tenant, "web");

    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(ConditionReasons.ACCESS_DENIED);
    assertThat(ready.getMessage())
        .isEqualTo(
            "cannot access 'HelmRepository/"
                + shared
                + "/charts', cross-namespace references have been blocked");
    assertThat(
            h.client
                .resources(dev.cairn.api.source.HelmChart.class)
                .inNamespace(shared)
                .list()
                .getItems())
        .isEmpty();
  }

  @Test
  void aDependencyInAnotherNamespaceIsRefused(TestCluster cluster) {
    String tenant = cluster.createNamespace("deps");
    h.createRepository(tenant, "charts", h.repo.url(), null);
    h.createRelease(
        tenant,
        "web",
        HelmHarness.chartSpec("gateway", "1.0.0", "charts")
            + "dependsOn: [{name: database, namespace: platform}]\n");

    Condition ready = run(tenant, "web");

    assertThat(ready.getReason()).isEqualTo(ConditionReasons.ACCESS_DENIED);
    assertThat(ready.getMessage()).contains("'HelmRelease/platform/database'");
  }

  @Test
  void aReleaseWithoutAnAccountActsAsTheDefaultOne(TestCluster cluster) {
    String tenant = cluster.createNamespace("default-sa");
    h.createRepository(tenant, "charts", h.repo.url(), null);
    h.createRelease(tenant, "web", HelmHarness.chartSpec("gateway", "1.0.0", "charts"));

    h.charts.reconcileAll(tenant);
    lockedDown.reconcile(tenant, "web", Trigger.INTERVAL).orElseThrow();
    h.charts.reconcileAll(tenant);
    Condition ready = run(tenant, "web");

    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getMessage())
        .contains("forbidden")
        .contains("system:serviceaccount:" + tenant + ":" + DEFAULT_ACCOUNT);
    assertThat(h.client.apps().deployments().inNamespace(tenant).list().getItems()).isEmpty();
  }

  private static Condition run(String ns, String name) {
    lockedDown.reconcile(ns, name, Trigger.INTERVAL).orElseThrow();
    return condition(h.live(ns, name).getStatus(), "Ready");
  }
}
