package dev.cairn.source.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.TarballWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry that demands the token flow (like Docker Hub or GHCR), emulated with the JDK's HTTP
 * server because Debian's docker-registry cannot issue tokens itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryTokenFlowIT {
  private static final String USER = "robot";
  private static final String PASSWORD = "registry-Pa55";
  private static final String TOKEN = "issued-token-42";

  @TempDir static Path temp;
  private HttpServer server;
  private byte[] chart;
  private String layerDigest;
  private final AtomicInteger tokensIssued = new AtomicInteger();

  @BeforeAll
  void start() throws Exception {
    ByteArrayOutputStream packaged = new ByteArrayOutputStream();
    try (TarballWriter writer = new TarballWriter(packaged)) {
      writer.addFile(
          "demo/Chart.yaml",
          "apiVersion: v2\nname: demo\nversion: 1.0.0\n".getBytes(StandardCharsets.UTF_8),
          false);
    }
    chart = packaged.toByteArray();
    layerDigest = "sha256:" + ChartArchives.sha256Hex(chart);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", this::token);
    server.createContext("/v2/", this::registry);
    server.start();
  }

  @AfterAll
  void stop() {
    server.stop(0);
  }

  private String base() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void token(HttpExchange exchange) throws IOException {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    String query = String.valueOf(exchange.getRequestURI().getQuery());
    if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
        || !query.contains("scope=repository:charts/demo:pull")
        || !query.contains("service=fake-registry")) {
      respond(exchange, 401, new byte[0]);
      return;
    }
    tokensIssued.incrementAndGet();
    respond(exchange, 200, ("{\"token\": \"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private void registry(HttpExchange exchange) throws IOException {
    if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange
          .getResponseHeaders()
          .add(
              "WWW-Authenticate",
              "Bearer realm=\"http://"
                  + base()
                  + "/token\",service=\"fake-registry\",scope=\"repository:charts/demo:pull\"");
      respond(exchange, 401, new byte[0]);
      return;
    }
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/v2/charts/demo/tags/list")) {
      respond(
          exchange, 200, "{\"name\":\"charts/demo\",\"tags\":[\"0.5.0\",\"1.0.0\"]}".getBytes());
    } else if (path.equals("/v2/charts/demo/manifests/1.0.0")) {
      String manifest =
          "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.cncf.helm.config.v1+json\","
              + "\"digest\":\"sha256:"
              + "0".repeat(64)
              + "\",\"size\":2},\"layers\":[{\"mediaType\":\""
              + OciChartFetcher.CHART_LAYER
              + "\",\"digest\":\""
              + layerDigest
              + "\",\"size\":"
              + chart.length
              + "}]}";
      respond(exchange, 200, manifest.getBytes(StandardCharsets.UTF_8));
    } else if (path.equals("/v2/charts/demo/blobs/" + layerDigest)) {
      respond(exchange, 200, chart);
    } else {
      respond(exchange, 404, new byte[0]);
    }
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    try (exchange) {
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  private OciChartFetcher fetcher() throws SourceException {
    return new OciChartFetcher(
        new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults()),
        HelmFetcherOptions.defaults());
  }

  private HelmRepositoryEndpoint repo(HelmCredentials credentials) {
    return HelmRepositoryEndpoint.of("oci://" + base() + "/charts")
        .withType(HelmRepositoryEndpoint.Type.OCI)
        .withInsecure(true)
        .withCredentials(credentials);
  }

  private static SourceKey key(String name) {
    return new SourceKey("helmchart", "default", name);
  }

  @Test
  void answersTheBearerChallengeWithATokenFromTheRealm() throws Exception {
    int before = tokensIssued.get();
    HelmChartResult result =
        fetcher()
            .pullChart(
                key("demo"),
                repo(HelmCredentials.basic(USER, PASSWORD)),
                ChartPullRequest.of("demo", "^1"));

    assertThat(result.version()).isEqualTo("1.0.0");
    assertThat(result.digest()).isEqualTo(layerDigest);
    assertThat(tokensIssued.get() - before).isEqualTo(1);
  }

  @Test
  void refusedTokenRequestIsAuthenticationFailedWithoutTheSecret() {
    String wrong = "wrong-" + PASSWORD;
    assertThatThrownBy(
            () ->
                fetcher()
                    .pullChart(
                        key("refused"),
                        repo(HelmCredentials.basic(USER, wrong)),
                        ChartPullRequest.of("demo", "*")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED);
              assertThat(e.getMessage()).contains("registry token");
              StringWriter trace = new StringWriter();
              e.printStackTrace(new PrintWriter(trace));
              assertThat(trace.toString()).doesNotContain(wrong).doesNotContain(TOKEN);
            });
  }
}
