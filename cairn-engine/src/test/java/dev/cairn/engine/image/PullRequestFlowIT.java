package dev.cairn.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.api.image.ImageUpdateAutomation;
import dev.cairn.api.image.ImageUpdateAutomationStatus;
import dev.cairn.engine.Trigger;
import dev.cairn.image.git.UpdateCommitter;
import dev.cairn.image.git.UpdateRequest;
import dev.cairn.image.setters.PolicyPick;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.git.GitSourceSpec;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pull-request flow against the test kit's Git server and a GitHub API stand-in that keeps pull
 * requests and records every call: opened once, updated when the picks move, closed when the
 * checkout branch already holds the picks.
 */
@ExtendWith(ClusterExtension.class)
class PullRequestFlowIT {
  private static final String TOKEN = "ghp_pull-request-token-never-shown";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path temp;
  private static GitHttpServer git;
  private static HttpServer github;
  private static final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> authorizations =
      Collections.synchronizedList(new ArrayList<>());
  private static final Map<Long, ObjectNode> pulls =
      Collections.synchronizedMap(new java.util.TreeMap<>());

  @BeforeAll
  static void start() throws IOException {
    temp = Files.createTempDirectory("pr-flow-");
    git = GitHttpServer.start(temp.resolve("repos"));
    github = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    github.createContext("/repos/acme/fleet/pulls", PullRequestFlowIT::handle);
    github.start();
  }

  @AfterAll
  static void stop() {
    github.stop(0);
    git.close();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    JsonNode body =
        exchange.getRequestBody().available() >= 0 ? readBody(exchange) : JSON.createObjectNode();
    calls.add(method + " " + path + (body.isEmpty() ? "" : " " + body));
    Object answer;
    if (method.equals("GET")) {
      answer =
          pulls.values().stream().filter(p -> p.path("state").asText().equals("open")).toList();
    } else if (method.equals("POST")) {
      ObjectNode created =
          ((ObjectNode) body).put("number", pulls.size() + 1L).put("state", "open");
      pulls.put(created.path("number").asLong(), created);
      answer = created;
    } else {
      long number = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
      ObjectNode pull = pulls.get(number);
      pull.setAll((ObjectNode) body);
      answer = pull;
    }
    byte[] bytes = JSON.writeValueAsBytes(answer);
    exchange.sendResponseHeaders(method.equals("POST") ? 201 : 200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static JsonNode readBody(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
  }

  @Test
  void opensThenUpdatesThenClosesOnePullRequest(TestCluster cluster) throws Exception {
    KubernetesClient client = cluster.client();
    String ns = cluster.createNamespace("prflow");
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("github")
                .endMetadata()
                .withStringData(
                    Map.of(
                        "token",
                        TOKEN,
                        "address",
                        "http://127.0.0.1:" + github.getAddress().getPort()))
                .build())
        .create();
    String url = git.createRepository("fleet");
    GitWorkingCopy work = GitWorkingCopy.init(temp.resolve("work"));
    work.write(
        "apps/app.yaml",
        "image: ghcr.io/acme/api:v1.0.0 # {\"$imagepolicy\": \"" + ns + ":api\"}\n");
    work.commitAll("seed");
    work.push(url, "HEAD:refs/heads/main");

    UpdateCommitter committer = new UpdateCommitter(temp.resolve("automation"), Clock.systemUTC());
    PullRequestStep step =
        new PullRequestStep(
            client,
            committer,
            (api, owner, repository, token) ->
                PullRequestStep.Hosts.github().create(api, "acme", "fleet", token));

    run(client, ns, committer, step, url, "v1.2.0");
    run(client, ns, committer, step, url, "v1.3.0");
    // Someone merges: main now holds the pick, the pull request is no longer needed.
    work.write(
        "apps/app.yaml",
        "image: ghcr.io/acme/api:v1.3.0 # {\"$imagepolicy\": \"" + ns + ":api\"}\n");
    work.commitAll("merge");
    work.push(url, "HEAD:refs/heads/main");
    run(client, ns, committer, step, url, "v1.3.0");

    List<String> writes = calls.stream().filter(c -> !c.startsWith("GET")).toList();
    assertThat(writes).hasSize(3);
    assertThat(writes.get(0))
        .startsWith("POST /repos/acme/fleet/pulls")
        .contains(
            "\"head\":\"image-updates\"", "\"base\":\"main\"", "v1.0.0 → ghcr.io/acme/api:v1.2.0");
    assertThat(writes.get(1))
        .startsWith("PATCH /repos/acme/fleet/pulls/1")
        .contains("ghcr.io/acme/api:v1.3.0");
    assertThat(writes.get(2)).isEqualTo("PATCH /repos/acme/fleet/pulls/1 {\"state\":\"closed\"}");
    assertThat(pulls).hasSize(1);
    assertThat(authorizations).containsOnly("Bearer " + TOKEN);
    assertThat(String.join("\n", calls)).doesNotContain(TOKEN);
  }

  private static void run(
      KubernetesClient client,
      String ns,
      UpdateCommitter committer,
      PullRequestStep step,
      String url,
      String tag)
      throws Exception {
    ImageUpdateAutomation automation =
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
                apiVersion: cairn.dev/v1
                kind: ImageUpdateAutomation
                metadata:
                  name: fleet
                  namespace: %s
                  annotations: {cairn.dev/pull-request: github}
                spec:
                  interval: 10m
                  sourceRef: {kind: GitRepository, name: fleet}
                  git:
                    commit: {author: {name: bot, email: bot@cairn.dev}}
                    push: {branch: image-updates}
                """
                    .formatted(ns),
                ImageUpdateAutomation.class);
    ImageUpdateAutomationRun run =
        new ImageUpdateAutomationRun(
            automation, Trigger.WATCH, new ImageUpdateAutomationStatus(), Clock.systemUTC());
    UpdateRequest request =
        new UpdateRequest(
            GitSourceSpec.of(url),
            "main",
            "image-updates",
            null,
            "apps",
            "bot",
            "bot@cairn.dev",
            Map.of(ns + ":api", new PolicyPick("ghcr.io/acme/api", tag, null)));
    run.request(request);
    committer.run(request, changes -> "update to " + tag);
    step.run(run);
    assertThat(run.successMessage()).doesNotContain(TOKEN);
  }
}
