package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.notification.Receiver;
import dev.cairn.api.source.GitRepository;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code cairn controller} against the simulated cluster through a kubeconfig file: it serves the
 * probes, reconciles a GitRepository and a Kustomization from a real Git server to Ready, and stops
 * cleanly with exit code 0 when asked to. Its log is one JSON object per line, one per reconcile
 * with the object, revision, duration and outcome, and never carries a credential or a Secret's
 * value. With --receiver-bind-address it serves webhook Receivers: a call asks the named source to
 * reconcile. With --storage-addr it serves its artifacts at the URL their status names.
 */
@ExtendWith(ClusterExtension.class)
class ControllerCommandIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern ADDRESS =
      Pattern.compile("probes and metrics on (http://[0-9.]+:[0-9]+)");
  private static final Pattern RECEIVERS =
      Pattern.compile("webhook receivers on (http://[0-9.]+:[0-9]+)/hook/");
  private static final Pattern ARTIFACTS =
      Pattern.compile("serving artifacts on http://[0-9.]+:([0-9]+)");
  private static final String HOOK_TOKEN = "hook-token-5e1d";
  private static final String GIT_PASSWORD = "git-pass-7f3a91";
  private static final String SECRET_VALUE = "secret-value-c0ffee";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void runsTheControllersUntilStopped(TestCluster cluster) throws Exception {
    assumeTrue(cluster.isSimulated(), "needs the simulated cluster's kubeconfig");
    Path temp = Files.createTempDirectory("controller-command-");
    Path kubeconfig = cluster.simulated().orElseThrow().writeKubeconfig(temp.resolve("kubeconfig"));
    KubernetesClient client = cluster.client();
    CairnCrdInstaller.installAll(client);
    String ns = cluster.createNamespace("cli");
    try (GitHttpServer git = GitHttpServer.start(temp.resolve("repos"))) {
      String url = git.createRepository(ns);
      GitWorkingCopy work = GitWorkingCopy.init(Files.createDirectories(temp.resolve("work")));
      work.write(
          "app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {a: b}\n");
      work.write(
          "app/secret.yaml",
          "apiVersion: v1\nkind: Secret\nmetadata: {name: app-secret}\nstringData: {token: "
              + SECRET_VALUE
              + "}\n");
      work.commitAll("first");
      work.push(url);
      createObjects(client, ns, url);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      CommandLine cli =
          Main.commandLine(
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      ControllerCommand command = cli.getSubcommands().get("controller").getCommand();
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () ->
                  cli.execute(
                      "controller",
                      "--kubeconfig",
                      kubeconfig.toString(),
                      "--storage-path",
                      temp.resolve("storage").toString(),
                      "--metrics-bind-address",
                      "127.0.0.1:0",
                      "--no-leader-elect",
                      "--receiver-bind-address",
                      "127.0.0.1:0",
                      "--storage-addr",
                      "127.0.0.1:0",
                      "--log-encoding",
                      "json"));

      String base =
          await()
              .atMost(WAIT)
              .until(
                  () -> {
                    Matcher m = ADDRESS.matcher(err.toString(StandardCharsets.UTF_8));
                    return m.find() ? m.group(1) : null;
                  },
                  address -> address != null);
      await().atMost(WAIT).until(() -> status(base + "/readyz") == 200);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  isReady(
                      client.resources(Kustomization.class).inNamespace(ns).withName("app").get()));
      assertThat(client.configMaps().inNamespace(ns).withName("cm").get().getData())
          .containsEntry("a", "b");
      assertThat(status(base + "/healthz")).isEqualTo(200);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  reconcileLine(err.toString(StandardCharsets.UTF_8), "Kustomization", ns, "app")
                      != null);

      assertReceiverRequestsAReconcile(client, ns, err);
      assertTheArtifactUrlIsServed(client, ns, err);

      command.stop.countDown();
      assertThat(exit.get(60, TimeUnit.SECONDS)).as("stderr: %s", err).isZero();
      assertThatThrownBy(() -> status(base + "/healthz")).isInstanceOf(IOException.class);
      assertLogLines(err.toString(StandardCharsets.UTF_8), ns);
    }
  }

  /** With --storage-addr, status.artifact.url names this replica's artifact server. */
  private void assertTheArtifactUrlIsServed(
      KubernetesClient client, String ns, ByteArrayOutputStream err) throws Exception {
    Matcher served = ARTIFACTS.matcher(err.toString(StandardCharsets.UTF_8));
    assertThat(served.find()).as("stderr: %s", err).isTrue();
    var artifact =
        client
            .resources(GitRepository.class)
            .inNamespace(ns)
            .withName("repo")
            .get()
            .getStatus()
            .getArtifact();
    assertThat(artifact.url())
        .isEqualTo("http://localhost:" + served.group(1) + "/" + artifact.path());
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(artifact.url())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            "sha256:"
                + java.util.HexFormat.of()
                    .formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(response.body())))
        .isEqualTo(artifact.digest());
  }

  /** A call to a generic Receiver's path asks its GitRepository to reconcile. */
  private void assertReceiverRequestsAReconcile(
      KubernetesClient client, String ns, ByteArrayOutputStream err) throws Exception {
    String hooks =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  Matcher m = RECEIVERS.matcher(err.toString(StandardCharsets.UTF_8));
                  return m.find() ? m.group(1) : null;
                },
                address -> address != null);
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("hook-token")
                .endMetadata()
                .addToStringData("token", HOOK_TOKEN)
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
                      type: generic
                      secretRef: {name: hook-token}
                      resources: [{kind: GitRepository, name: repo}]
                    """
                        .formatted(ns),
                    Receiver.class))
        .create();
    String path =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  Receiver r =
                      client.resources(Receiver.class).inNamespace(ns).withName("hook").get();
                  return r.getStatus() == null ? null : r.getStatus().getWebhookPath();
                },
                p -> p != null && !p.isEmpty());
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(hooks + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .until(
            () ->
                client
                            .resources(GitRepository.class)
                            .inNamespace(ns)
                            .withName("repo")
                            .get()
                            .getMetadata()
                            .getAnnotations()
                        != null
                    && client
                        .resources(GitRepository.class)
                        .inNamespace(ns)
                        .withName("repo")
                        .get()
                        .getMetadata()
                        .getAnnotations()
                        .containsKey("reconcile.cairn.dev/requestedAt"));
  }

  /**
   * Every line is one JSON object with ts, level and msg; a reconcile line names the object, its
   * revision, duration and outcome; no line carries the Git password or the Secret's value.
   */
  private static void assertLogLines(String log, String ns) throws IOException {
    List<String> lines = log.lines().toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      JsonNode json = JSON.readTree(line);
      assertThat(json.isObject()).as(line).isTrue();
      assertThat(json.path("ts").asText()).as(line).isNotEmpty();
      assertThat(json.path("level").asText()).as(line).isIn("INFO", "WARN", "ERROR");
      assertThat(json.path("msg").asText()).as(line).isNotEmpty();
    }
    assertThat(log)
        .doesNotContain(GIT_PASSWORD)
        .doesNotContain(SECRET_VALUE)
        .doesNotContain(HOOK_TOKEN);
    JsonNode app = reconcileLine(log, "Kustomization", ns, "app");
    assertThat(app).isNotNull();
    assertThat(app.path("revision").asText()).startsWith("main@sha1:");
    assertThat(app.path("duration").isNumber()).as(app.toString()).isTrue();
    assertThat(app.path("duration").asDouble()).isPositive();
    assertThat(app.path("msg").asText()).startsWith("Reconciliation finished in");
    JsonNode repo = reconcileLine(log, "GitRepository", ns, "repo");
    assertThat(repo).isNotNull();
    assertThat(repo.path("revision").asText()).startsWith("main@sha1:");
    assertThat(lines).filteredOn(l -> l.contains("serving probes and metrics")).hasSize(1);
  }

  /** The first successful reconcile line of {@code kind ns/name}, or null. */
  private static JsonNode reconcileLine(String log, String kind, String ns, String name)
      throws IOException {
    for (String line : log.lines().toList()) {
      if (!line.startsWith("{")) {
        continue;
      }
      JsonNode json = JSON.readTree(line);
      if (kind.equals(json.path("kind").asText())
          && ns.equals(json.path("namespace").asText())
          && name.equals(json.path("name").asText())
          && "succeeded".equals(json.path("outcome").asText())) {
        return json;
      }
    }
    return null;
  }

  private int status(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static boolean isReady(Kustomization k) {
    return k != null
        && k.getStatus() != null
        && k.getStatus().getConditions() != null
        && k.getStatus().getConditions().stream()
            .anyMatch(
                c -> ConditionTypes.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static void createObjects(KubernetesClient client, String ns, String url) {
    var yaml = client.getKubernetesSerialization();
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("git-auth")
                .endMetadata()
                .addToStringData("username", "git")
                .addToStringData("password", GIT_PASSWORD)
                .build())
        .create();
    client
        .resource(
            yaml.unmarshal(
                """
                apiVersion: cairn.dev/v1
                kind: GitRepository
                metadata: {name: repo, namespace: %s}
                spec: {url: "%s", interval: 10m, ref: {branch: main}, secretRef: {name: git-auth}}
                """
                    .formatted(ns, url),
                GitRepository.class))
        .create();
    client
        .resource(
            yaml.unmarshal(
                """
                apiVersion: cairn.dev/v1
                kind: Kustomization
                metadata: {name: app, namespace: %s}
                spec:
                  interval: 10m
                  sourceRef: {kind: GitRepository, name: repo}
                  targetNamespace: %s
                  path: ./app
                  prune: true
                """
                    .formatted(ns, ns),
                Kustomization.class))
        .create();
  }
}
