package dev.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProbeServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesHealthReadinessAndMetrics() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    try (ProbeServer server =
        ProbeServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new Probes(ready::get, () -> "# TYPE up gauge\nup 1.0\n"))) {
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = get(server, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).isEqualTo("# TYPE up gauge\nup 1.0\n");
      assertThat(metrics.headers().firstValue("Content-Type"))
          .contains(ProbeServer.PROMETHEUS_TEXT);
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(uri(server, "/healthz"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void servesTheSealingCertificateOnceThereIsOne() throws Exception {
    AtomicReference<Optional<String>> pem = new AtomicReference<>(Optional.empty());
    try (ProbeServer server =
        ProbeServer.start(
            new InetSocketAddress("127.0.0.1", 0), new Probes(() -> true, () -> "", pem::get))) {
      assertThat(get(server, "/v1/cert.pem").statusCode()).isEqualTo(404);
      String certificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
      pem.set(Optional.of(certificate));
      HttpResponse<String> served = get(server, "/v1/cert.pem");
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.body()).isEqualTo(certificate);
      assertThat(served.headers().firstValue("Content-Type")).contains("application/x-pem-file");
    }
  }

  @Test
  void parsesFluxStyleBindAddresses() {
    assertThat(ProbeServer.parseAddress(":8080").getPort()).isEqualTo(8080);
    assertThat(ProbeServer.parseAddress(":8080").getAddress().isAnyLocalAddress()).isTrue();
    InetSocketAddress local = ProbeServer.parseAddress("127.0.0.1:9090");
    assertThat(local.getHostString()).isEqualTo("127.0.0.1");
    assertThat(local.getPort()).isEqualTo(9090);
    assertThatThrownBy(() -> ProbeServer.parseAddress("8080"))
        .hasMessageContaining("bind address '8080' should be host:port");
    assertThatThrownBy(() -> ProbeServer.parseAddress(":http"))
        .hasMessageContaining("has no valid port");
  }

  @Test
  void aTakenPortIsAClearError() {
    try (ProbeServer first =
        ProbeServer.start(
            new InetSocketAddress("127.0.0.1", 0), new Probes(() -> true, () -> ""))) {
      assertThatThrownBy(
              () ->
                  ProbeServer.start(
                      new InetSocketAddress("127.0.0.1", first.port()),
                      new Probes(() -> true, () -> "")))
          .hasMessageStartingWith("cannot listen on 127.0.0.1:" + first.port());
    }
  }

  private HttpResponse<String> get(ProbeServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(server, path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(ProbeServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
