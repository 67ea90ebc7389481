package dev.cairn.engine.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.notification.Alert;
import dev.cairn.notify.AlertRule;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.cluster.RequestCounter.Verb;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Alerts an event is routed by: once the routes are started they come from a watch of the
 * Alerts, so an event costs no list, and an Alert created, changed or deleted is in the routes of
 * the events after the watch delivered it.
 */
class ClusterRoutesIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static TestCluster cluster;
  private static ClusterRoutes routes;
  private static String ns;

  @BeforeAll
  static void start() {
    cluster = TestCluster.forClass();
    CairnCrdInstaller.install(cluster.client(), List.of(Alert.class));
    ns = cluster.createNamespace("routes");
    routes = new ClusterRoutes(cluster.client());
    routes.start();
  }

  @AfterAll
  static void stop() {
    routes.close();
    cluster.close();
  }

  @Test
  void alertsComeFromTheWatchAndFollowChanges() {
    KubernetesClient client = cluster.client();
    create(client, "deploys", "info");
    await().atMost(WAIT).until(() -> severityOf("deploys").equals("info"));

    cluster.requests().reset();
    for (int i = 0; i < 10; i++) {
      assertThat(routes.alerts()).extracting(AlertRule::name).contains("deploys");
    }
    assertThat(cluster.requests().count(Verb.LIST, "alerts.cairn.dev"))
        .as(cluster.requests().toString())
        .isZero();

    client.resource(alertOf("deploys", "error")).forceConflicts().serverSideApply();
    await().atMost(WAIT).until(() -> severityOf("deploys").equals("error"));

    client.resources(Alert.class).inNamespace(ns).withName("deploys").delete();
    await()
        .atMost(WAIT)
        .until(() -> routes.alerts().stream().noneMatch(rule -> rule.name().equals("deploys")));
  }

  @Test
  void routesNotStartedListTheAlertsPerCall() {
    ClusterRoutes unstarted = new ClusterRoutes(cluster.client());
    create(cluster.client(), "listed", "info");
    cluster.requests().reset();

    assertThat(unstarted.alerts()).extracting(AlertRule::name).contains("listed");
    assertThat(cluster.requests().count(Verb.LIST, "alerts.cairn.dev")).isEqualTo(1);
  }

  private static String severityOf(String name) {
    return routes.alerts().stream()
        .filter(rule -> rule.name().equals(name) && rule.namespace().equals(ns))
        .map(AlertRule::severity)
        .findFirst()
        .orElse("");
  }

  private static void create(KubernetesClient client, String name, String severity) {
    client.resources(Alert.class).inNamespace(ns).resource(alertOf(name, severity)).create();
  }

  private static Alert alertOf(String name, String severity) {
    return cluster
        .client()
        .getKubernetesSerialization()
        .unmarshal(
            """
            apiVersion: cairn.dev/v1
            kind: Alert
            metadata:
              name: %s
              namespace: %s
            spec:
              providerRef:
                name: slack
              eventSeverity: %s
              eventSources:
                - kind: Kustomization
                  name: '*'
            """
                .formatted(name, ns, severity),
            Alert.class);
  }
}
