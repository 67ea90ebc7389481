package dev.cairn.controller;

import static dev.cairn.controller.GitOpsFixture.configMapYaml;
import static dev.cairn.controller.GitOpsFixture.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.notification.Receiver;
import dev.cairn.api.source.GitRepository;
import dev.cairn.engine.notification.ReceiverGate;
import dev.cairn.notify.receiver.WebhookPath;
import dev.cairn.server.ReceiverServer;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Receivers served on their own port: a GitHub push signed as GitHub signs it makes a GitRepository
 * whose interval is an hour fetch the new revision at once; bad signatures, unknown paths, events
 * outside the filter and oversized bodies get Flux's status codes and change nothing.
 */
@ExtendWith(ClusterExtension.class)
class ReceiverRuntimeIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TOKEN = "webhook-s3cret-token";
  private static final String PUSH = "{\"ref\":\"refs/heads/main\",\"after\":\"x\"}";
  private static GitOpsFixture fixture;
  private static CairnRuntime runtime;
  private static ReceiverServer receivers;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    fixture = GitOpsFixture.start(cluster);
    runtime = new CairnRuntime(cluster.client(), fixture.options("receiver"));
    runtime.start();
    await().atMost(WAIT).until(runtime::isReady);
    receivers =
        ReceiverServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new ReceiverGate(cluster.client(), Clock.systemUTC()));
  }

  @AfterAll
  static void stop() {
    if (receivers != null) {
      receivers.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    fixture.close();
  }

  @Test
  void aGitHubPushMakesTheGitRepositoryFetchAtOnce(TestCluster cluster) throws Exception {
    KubernetesClient client = cluster.client();
    GitOpsFixture.Repo repo = fixture.repo(cluster, "hook");
    repo.work().write("app/a.yaml", configMapYaml("a", "one"));
    String first = repo.commit("first");
    fixture.createSource(repo, "1h");
    await().atMost(WAIT).until(() -> revision(repo).equals("main@sha1:" + first));
    String path = createReceiver(client, repo.ns(), "github", "[push]");

    repo.work().write("app/a.yaml", configMapYaml("a", "two"));
    String second = repo.commit("second");

    assertThat(
            post(path, PUSH, Map.of("X-GitHub-Event", "push", "X-Hub-Signature-256", "sha256=00"))
                .statusCode())
        .isEqualTo(400);
    assertThat(post(path, PUSH, signed("issues")).statusCode()).isEqualTo(400);
    assertThat(post(path, "{}", signed("ping", "{}")).statusCode()).isEqualTo(200);
    assertThat(post("/hook/" + "0".repeat(64), PUSH, signed("push")).statusCode()).isEqualTo(404);
    assertThat(post(path, "x".repeat(ReceiverServer.MAX_BODY + 1), Map.of()).statusCode())
        .isEqualTo(413);
    assertThat(requestedAt(repo)).isNull();
    assertThat(revision(repo)).isEqualTo("main@sha1:" + first);

    long sent = System.nanoTime();
    HttpResponse<String> push = post(path, PUSH, signed("push"));
    assertThat(push.statusCode()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> revision(repo).equals("main@sha1:" + second));
    long tookMillis = (System.nanoTime() - sent) / 1_000_000;
    System.out.println("receiver push to new GitRepository revision: " + tookMillis + " ms");
    assertThat(requestedAt(repo)).isNotNull();

    Receiver receiver =
        client.resources(Receiver.class).inNamespace(repo.ns()).withName("hook").get();
    assertThat(client.getKubernetesSerialization().asJson(receiver)).doesNotContain(TOKEN);
    assertThat(client.v1().events().inNamespace(repo.ns()).list().getItems())
        .allSatisfy(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }

  @Test
  void aGitLabCallNeedsItsToken(TestCluster cluster) throws Exception {
    KubernetesClient client = cluster.client();
    GitOpsFixture.Repo repo = fixture.repo(cluster, "gitlab");
    repo.work().write("app/a.yaml", configMapYaml("a", "one"));
    repo.commit("first");
    fixture.createSource(repo, "1h");
    String path = createReceiver(client, repo.ns(), "gitlab", "[]");

    assertThat(
            post(path, PUSH, Map.of("X-Gitlab-Token", "wrong", "X-Gitlab-Event", "Push Hook"))
                .statusCode())
        .isEqualTo(400);
    assertThat(requestedAt(repo)).isNull();
    assertThat(
            post(path, PUSH, Map.of("X-Gitlab-Token", TOKEN, "X-Gitlab-Event", "Push Hook"))
                .statusCode())
        .isEqualTo(200);
    assertThat(requestedAt(repo)).isNotNull();
  }

  private String createReceiver(KubernetesClient client, String ns, String type, String events) {
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("webhook-token")
                .endMetadata()
                .withStringData(Map.of("token", TOKEN))
                .build())
        .create();
    client
        .resource(
            client
                .getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: cairn.dev/v1
                    kind: Receiver
                    metadata: {name: hook, namespace: %s}
                    spec:
                      type: %s
                      events: %s
                      secretRef: {name: webhook-token}
                      resources:
                        - kind: GitRepository
                          name: repo
                    """
                        .formatted(ns, type, events),
                    Receiver.class))
        .create();
    String path = WebhookPath.of(TOKEN, "hook", ns);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Receiver r = client.resources(Receiver.class).inNamespace(ns).withName("hook").get();
              assertThat(isReady(r.getStatus())).isTrue();
              assertThat(r.getStatus().getWebhookPath()).isEqualTo(path);
            });
    return path;
  }

  private static String revision(GitOpsFixture.Repo repo) {
    GitRepository source = fixture.source(repo);
    return source.getStatus() == null || source.getStatus().getArtifact() == null
        ? ""
        : source.getStatus().getArtifact().revision();
  }

  private static String requestedAt(GitOpsFixture.Repo repo) {
    Map<String, String> annotations = fixture.source(repo).getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get("reconcile.cairn.dev/requestedAt");
  }

  private static Map<String, String> signed(String event) throws Exception {
    return signed(event, PUSH);
  }

  private static Map<String, String> signed(String event, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    return Map.of("X-GitHub-Event", event, "X-Hub-Signature-256", signature);
  }

  private HttpResponse<String> post(String path, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(receivers.baseUrl() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
