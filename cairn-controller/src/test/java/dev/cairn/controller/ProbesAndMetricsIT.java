package dev.cairn.controller;

import static dev.cairn.controller.GitOpsFixture.configMapYaml;
import static dev.cairn.controller.GitOpsFixture.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.Conditions;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.server.ProbeServer;
import dev.cairn.server.Probes;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runtime behind the probe server: {@code /readyz} 503 until the controllers run and after
 * close, {@code /metrics} with the three Cairn metrics per object, and a close that lets a
 * reconcile in flight finish and patch its status.
 */
@ExtendWith(ClusterExtension.class)
class ProbesAndMetricsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static GitOpsFixture fixture;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    fixture = GitOpsFixture.start(cluster);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void probesMetricsAndGracefulClose(TestCluster cluster) throws Exception {
    CairnRuntime runtime = new CairnRuntime(cluster.client(), fixture.options("probes"));
    try (ProbeServer probes =
        ProbeServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new Probes(runtime::isReady, runtime.meterRegistry()::scrape))) {
      assertThat(get(probes, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(probes, "/readyz").statusCode()).isEqualTo(503);

      runtime.start();
      await().atMost(WAIT).until(() -> get(probes, "/readyz").statusCode() == 200);

      GitOpsFixture.Repo repo = fixture.repo(cluster, "metrics");
      repo.work().write("app/a.yaml", configMapYaml("a", "one"));
      repo.work().write("web/web.yaml", deploymentYaml());
      String sha = repo.commit("first");
      fixture.createSource(repo, "10m");
      fixture.createKustomization(repo, "app", "10m", "./app");
      await().atMost(WAIT).until(() -> isReady(fixture.kustomization(repo, "app").getStatus()));

      String labels = "kind=\"Kustomization\",name=\"app\",namespace=\"" + repo.ns() + "\"";
      String metrics = get(probes, "/metrics").body();
      assertThat(metrics)
          .contains("cairn_reconcile_duration_seconds_count{" + labels + "}")
          .contains("cairn_reconcile_condition{" + labels + ",status=\"True\",type=\"Ready\"} 1.0")
          .contains("cairn_reconcile_condition{" + labels + ",status=\"False\",type=\"Ready\"} 0.0")
          .contains("cairn_suspend_status{" + labels + "} 0.0")
          .contains("cairn_reconcile_duration_seconds_count{kind=\"GitRepository\",name=\"repo\"");

      // a run that waits for a Deployment to become ready is in flight when close() is called
      cluster.readiness().setDelay(Duration.ofSeconds(3));
      fixture.createKustomization(repo, "web", "10m", "./web\n  wait: true\n  timeout: 1m");
      await()
          .atMost(WAIT)
          .until(
              () ->
                  cluster.client().apps().deployments().inNamespace(repo.ns()).withName("web").get()
                      != null);
      // while the health check waits, the object says so: the inventory checkpoint written before
      // the apply created the Deployment set Reconciling=True for the whole run (as Flux's
      // "Reconciliation in progress"), so the wait writes no second progress message
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                var status = fixture.kustomization(repo, "web").getStatus();
                assertThat(status).isNotNull();
                Condition reconciling =
                    Conditions.find(status, "Reconciling").orElseThrow(AssertionError::new);
                assertThat(reconciling.getStatus()).isEqualTo("True");
                assertThat(reconciling.getReason()).isEqualTo("Progressing");
                assertThat(reconciling.getMessage())
                    .isEqualTo("Reconciliation in progress for revision main@sha1:" + sha);
                assertThat(Conditions.find(status, "Ready")).isEmpty();
              });
      runtime.close();

      assertThat(get(probes, "/readyz").statusCode()).isEqualTo(503);
      assertThat(get(probes, "/healthz").statusCode()).isEqualTo(200);
      Kustomization web = fixture.kustomization(repo, "web");
      assertThat(isReady(web.getStatus())).as("status: %s", web.getStatus()).isTrue();
      assertThat(web.getStatus().getLastAppliedRevision()).isEqualTo("main@sha1:" + sha);
      assertThat(Conditions.find(web.getStatus(), "Reconciling")).isEmpty();
    } finally {
      runtime.close();
    }
  }

  private HttpResponse<String> get(ProbeServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String deploymentYaml() {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "nginx:1.27"}]
        """;
  }
}
