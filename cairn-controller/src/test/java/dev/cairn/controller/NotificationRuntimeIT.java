package dev.cairn.controller;

import static dev.cairn.controller.GitOpsFixture.configMapYaml;
import static dev.cairn.controller.GitOpsFixture.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.notification.Provider;
import dev.cairn.api.source.GitRepository;
import dev.cairn.secrets.sealed.HybridSealer;
import dev.cairn.secrets.sealed.SealingKeyPem;
import dev.cairn.secrets.sealed.SecretSealer;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.http.RecordingHttpServer;
import dev.cairn.testkit.http.RecordingHttpServer.Reply;
import dev.cairn.testkit.http.RecordingHttpServer.Request;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fleet-infra layout's commit statuses: a GitHub Provider and an Alert committed to the fleet
 * (Flux's notification.toolkit.fluxcd.io/v1beta3), the token in a SealedSecret, against a GitHub
 * Enterprise stand-in that keeps and lists statuses. And a Provider that never answers leaves the
 * reconcile path and a second Provider unaffected.
 */
@ExtendWith(ClusterExtension.class)
class NotificationRuntimeIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String TOKEN = "ghp_notARealTokenButSecret0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STATUSES =
      Pattern.compile(
          "/api/v3/repos/org/fleet/(?:commits/([0-9a-f]{40})/statuses|statuses/([0-9a-f]{40}))"
              + "(\\?.*)?");
  private static GitOpsFixture fixture;
  private static CairnRuntime runtime;
  private static RecordingHttpServer github;
  private static final Map<String, ArrayNode> statuses = new ConcurrentHashMap<>();

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    fixture = GitOpsFixture.start(cluster);
    String keys = cluster.createNamespace("keys");
    runtime =
        new CairnRuntime(
            cluster.client(),
            fixture.options("notify"),
            SealingOptions.defaults().withKeyNamespace(keys));
    runtime.start();
    await().atMost(WAIT).until(runtime::isReady);
    github = RecordingHttpServer.start().answer(NotificationRuntimeIT::gitHubEnterprise);
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
    if (github != null) {
      github.close();
    }
    fixture.close();
  }

  /** Statuses as GitHub keeps them: POST adds one, GET lists the commit's, newest first. */
  private static Reply gitHubEnterprise(Request request) {
    Matcher m = STATUSES.matcher(request.path());
    if (!m.matches() || !("Bearer " + TOKEN).equals(request.header("Authorization"))) {
      return new Reply(404, "{\"message\":\"Not Found\"}");
    }
    String sha = m.group(1) != null ? m.group(1) : m.group(2);
    ArrayNode list = statuses.computeIfAbsent(sha, k -> JSON.createArrayNode());
    if ("GET".equals(request.method())) {
      return new Reply(200, list.toString());
    }
    try {
      ObjectNode status = (ObjectNode) JSON.readTree(request.body());
      synchronized (list) {
        list.insert(0, status);
      }
      return new Reply(201, status.toString());
    } catch (Exception e) {
      return new Reply(422, "{}");
    }
  }

  @Test
  void postsSuccessForAGoodRevisionAndFailureForABrokenOneOnTheirCommits(TestCluster cluster)
      throws Exception {
    KubernetesClient client = cluster.client();
    GitOpsFixture.Repo repo = fixture.repo(cluster, "status");
    await().atMost(WAIT).until(() -> runtime.sealingCertificate().isPresent());
    repo.work().write("fleet/token.yaml", sealedToken(client, repo.ns()));
    repo.work()
        .write(
            "fleet/notifications.yaml",
            """
            apiVersion: notification.toolkit.fluxcd.io/v1beta3
            kind: Provider
            metadata: {name: github}
            spec:
              type: github
              address: %s/org/fleet
              secretRef: {name: github-token}
            ---
            apiVersion: notification.toolkit.fluxcd.io/v1beta3
            kind: Alert
            metadata: {name: commit-status}
            spec:
              providerRef: {name: github}
              eventSeverity: info
              eventSources:
                - kind: Kustomization
                  name: '*'
            """
                .formatted(github.url()));
    repo.work().write("fleet/app.yaml", configMapYaml("app", "one"));
    String good = repo.commit("good");
    fixture.createSource(repo, "1h");
    fixture.createKustomization(repo, "fleet", "1h", "./fleet");

    await().atMost(WAIT).until(() -> statusesOf(good).size() == 1);
    Provider provider =
        client.resources(Provider.class).inNamespace(repo.ns()).withName("github").get();
    String context = "kustomization/fleet/" + provider.getMetadata().getUid().split("-")[0];
    JsonNode success = statusesOf(good).get(0);
    assertThat(success.path("state").asText()).isEqualTo("success");
    assertThat(success.path("context").asText()).isEqualTo(context);
    assertThat(success.path("description").asText()).isEqualTo("reconciliation succeeded");
    await().atMost(WAIT).until(() -> isReady(provider(client, repo).getStatus()));

    repo.work().write("fleet/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [\n");
    String broken = repo.commit("broken");
    fixture.requestReconcile(GitRepository.class, repo, "repo", "push-broken");

    await().atMost(WAIT).until(() -> statusesOf(broken).size() == 1);
    JsonNode failure = statusesOf(broken).get(0);
    assertThat(failure.path("state").asText()).isEqualTo("failure");
    assertThat(failure.path("context").asText()).isEqualTo(context);
    assertThat(statusesOf(good)).hasSize(1);
    List<Request> posts =
        github.requests().stream().filter(r -> r.method().equals("POST")).toList();
    assertThat(posts).hasSize(2);
    assertThat(github.requests().get(0).method()).isEqualTo("GET");

    assertNoTokenIn(client, repo);
  }

  @Test
  void aProviderThatNeverAnswersLeavesReconcilesAndOtherProvidersAlone(TestCluster cluster)
      throws Exception {
    KubernetesClient client = cluster.client();
    try (RecordingHttpServer stuck = RecordingHttpServer.start().hang(r -> true);
        RecordingHttpServer healthy = RecordingHttpServer.start()) {
      GitOpsFixture.Repo repo = fixture.repo(cluster, "hang");
      repo.work().write("fleet/providers.yaml", hangingAndHealthy(stuck, healthy));
      repo.work().write("fleet/app.yaml", configMapYaml("app", "one"));
      String first = repo.commit("first");
      fixture.createSource(repo, "1h");
      fixture.createKustomization(repo, "fleet", "1h", "./fleet");
      await().atMost(WAIT).until(() -> hasRevision(healthy, first));
      await().atMost(WAIT).until(() -> stuck.requests().size() == 1);

      repo.work().write("fleet/app.yaml", configMapYaml("app", "two"));
      String second = repo.commit("second");
      fixture.requestReconcile(GitRepository.class, repo, "repo", "push-2");

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                Kustomization k = fixture.kustomization(repo, "fleet");
                assertThat(isReady(k.getStatus())).isTrue();
                assertThat(k.getStatus().getLastAppliedRevision()).isEqualTo("main@sha1:" + second);
              });
      assertThat(client.configMaps().inNamespace(repo.ns()).withName("app").get().getData())
          .containsEntry("value", "two");
      await().atMost(WAIT).until(() -> hasRevision(healthy, second));
      assertThat(stuck.requests()).hasSize(1);
      assertThat(runtime.meterRegistry().scrape())
          .contains("cairn_notification_sent_total")
          .contains("cairn_notification_dropped_total")
          .contains("cairn_notification_queued");
    }
  }

  private static String hangingAndHealthy(RecordingHttpServer stuck, RecordingHttpServer ok) {
    return """
        apiVersion: notification.toolkit.fluxcd.io/v1beta3
        kind: Provider
        metadata: {name: stuck}
        spec: {type: generic, address: "%s/hook", timeout: 1h}
        ---
        apiVersion: notification.toolkit.fluxcd.io/v1beta3
        kind: Provider
        metadata: {name: healthy}
        spec: {type: generic, address: "%s/hook"}
        ---
        apiVersion: notification.toolkit.fluxcd.io/v1beta3
        kind: Alert
        metadata: {name: to-stuck}
        spec:
          providerRef: {name: stuck}
          eventSources: [{kind: Kustomization, name: fleet}]
        ---
        apiVersion: notification.toolkit.fluxcd.io/v1beta3
        kind: Alert
        metadata: {name: to-healthy}
        spec:
          providerRef: {name: healthy}
          eventSources: [{kind: Kustomization, name: fleet}]
        """
        .formatted(stuck.url(), ok.url());
  }

  private static boolean hasRevision(RecordingHttpServer server, String sha) {
    return server.requests().stream().anyMatch(r -> r.body().contains("main@sha1:" + sha));
  }

  private static List<JsonNode> statusesOf(String sha) {
    ArrayNode list = statuses.get(sha);
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      List<JsonNode> copy = new java.util.ArrayList<>();
      list.forEach(copy::add);
      return copy;
    }
  }

  private static Provider provider(KubernetesClient client, GitOpsFixture.Repo repo) {
    return client.resources(Provider.class).inNamespace(repo.ns()).withName("github").get();
  }

  private static String sealedToken(KubernetesClient client, String ns) throws Exception {
    ObjectNode plain =
        client
            .getKubernetesSerialization()
            .convertValue(
                new SecretBuilder()
                    .withNewMetadata()
                    .withName("github-token")
                    .withNamespace(ns)
                    .endMetadata()
                    .withStringData(Map.of("token", TOKEN))
                    .build(),
                ObjectNode.class);
    ObjectNode sealed =
        new SecretSealer(new HybridSealer())
            .seal(
                plain,
                SealingKeyPem.readCertificate("runtime", runtime.sealingCertificate().orElseThrow())
                    .publicKey(),
                null,
                ns);
    return JSON.writeValueAsString(sealed);
  }

  private static void assertNoTokenIn(KubernetesClient client, GitOpsFixture.Repo repo) {
    String serialization = client.getKubernetesSerialization().asJson(provider(client, repo));
    assertThat(serialization).doesNotContain(TOKEN);
    assertThat(client.v1().events().inNamespace(repo.ns()).list().getItems())
        .allSatisfy(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    assertThat(runtime.meterRegistry().scrape()).doesNotContain(TOKEN);
  }
}
