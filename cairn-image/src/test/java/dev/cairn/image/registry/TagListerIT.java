package dev.cairn.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.TlsSettings;
import dev.cairn.source.helm.HelmCredentials;
import dev.cairn.testkit.registry.OciArtifactPusher;
import dev.cairn.testkit.registry.OciRegistry;
import dev.cairn.testkit.tls.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against Debian's docker-registry with basic auth (htpasswd) and with mutual TLS; pagination and
 * the bearer-token flow against a stand-in registry, since docker-registry 2.8 ignores {@code n}
 * and needs a token server for token auth.
 */
class TagListerIT {
  private static final String USER = "ci";
  private static final String PASSWORD = "p4ss-for-the-registry";
  private static final List<String> TAGS =
      List.of("v1.0.0", "v1.1.0", "main-3f2a9c1-1717430400", "latest", "sha256-1.sig");

  @TempDir static Path temp;
  private static OciRegistry basic;
  private static OciRegistry tls;
  private static TestPki pki;

  @BeforeAll
  static void start() {
    basic = OciRegistry.startWithHtpasswd(temp.resolve("basic"), USER, PASSWORD);
    OciArtifactPusher pusher = new OciArtifactPusher(basic.host(), USER, PASSWORD);
    for (String tag : TAGS) {
      push(pusher, tag);
    }
    pki = TestPki.create("cairn-test-ca");
    tls = OciRegistry.startMutualTls(temp.resolve("tls"), pki);
  }

  @AfterAll
  static void stop() {
    basic.close();
    tls.close();
  }

  private static void push(OciArtifactPusher pusher, String tag) {
    pusher.push(
        "acme/api",
        tag,
        "application/vnd.oci.image.config.v1+json",
        "{}".getBytes(StandardCharsets.UTF_8),
        "application/vnd.oci.image.layer.v1.tar+gzip",
        tag.getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  @Test
  void listsEveryTagWithBasicCredentials() throws SourceException {
    TagListRequest request =
        TagListRequest.of(ImageName.parse(basic.host() + "/acme/api"))
            .withInsecure(true)
            .withCredentials(HelmCredentials.basic(USER, PASSWORD));

    assertThat(new TagLister().list(request)).containsExactlyInAnyOrderElementsOf(TAGS);
    assertThat(new TagLister().digest(request, "v1.1.0")).startsWith("sha256:").hasSize(71);
  }

  @Test
  void wrongCredentialsFailWithoutShowingThem() {
    TagListRequest request =
        TagListRequest.of(ImageName.parse(basic.host() + "/acme/api"))
            .withInsecure(true)
            .withCredentials(HelmCredentials.basic(USER, "not-" + PASSWORD));

    assertThatThrownBy(() -> new TagLister().list(request))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD).contains("acme/api"));
  }

  @Test
  void listsOverMutualTlsWithTheCertSecretsKeys() throws SourceException {
    TestPki.Issued client = pki.issueClient("cairn", TestPki.KeyType.RSA);
    TagListRequest request =
        TagListRequest.of(ImageName.parse(tls.host() + "/acme/none"))
            .withTls(
                TlsSettings.trusting(pki.caPem())
                    .withClientCertificate(client.certificatePem(), client.pkcs8KeyPem()));

    // An empty repository answers 404 NAME_UNKNOWN once the TLS handshake (with the client
    // certificate) succeeded; without the certificate the handshake itself fails.
    assertThatThrownBy(() -> new TagLister().list(request))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("HTTP 404");
    TagListRequest anonymous =
        TagListRequest.of(ImageName.parse(tls.host() + "/acme/none"))
            .withTls(TlsSettings.trusting(pki.caPem()));
    assertThatThrownBy(() -> new TagLister().list(anonymous))
        .isInstanceOf(SourceException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("HTTP 404"));
  }

  @Test
  void followsLinkPagesAndTheBearerTokenFlow() throws Exception {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      all.add("build-" + i);
    }
    List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String host = "127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/token",
        exchange -> {
          authorizations.add("token:" + exchange.getRequestHeaders().getFirst("Authorization"));
          reply(exchange, 200, Map.of(), "{\"token\":\"registry-token-1\"}");
        });
    server.createContext(
        "/v2/acme/api/tags/list",
        exchange -> {
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          authorizations.add("list:" + auth);
          if (!"Bearer registry-token-1".equals(auth)) {
            reply(
                exchange,
                401,
                Map.of(
                    "WWW-Authenticate",
                    "Bearer realm=\"http://"
                        + host
                        + "/token\",service=\"test\",scope=\"repository:acme/api:pull\""),
                "{}");
            return;
          }
          String query = exchange.getRequestURI().getQuery();
          int from =
              query != null && query.contains("last=build-")
                  ? all.indexOf(query.replaceAll(".*last=([^&]+).*", "$1")) + 1
                  : 0;
          int to = Math.min(all.size(), from + 10);
          Map<String, String> headers =
              to < all.size()
                  ? Map.of(
                      "Link",
                      "</v2/acme/api/tags/list?n=10&last=" + all.get(to - 1) + ">; rel=\"next\"")
                  : Map.of();
          String tags = String.join("\",\"", all.subList(from, to));
          reply(exchange, 200, headers, "{\"name\":\"acme/api\",\"tags\":[\"" + tags + "\"]}");
        });
    server.start();
    try {
      TagListRequest request =
          TagListRequest.of(ImageName.parse(host + "/acme/api"))
              .withInsecure(true)
              .withCredentials(HelmCredentials.basic(USER, PASSWORD));

      assertThat(new TagLister().list(request)).containsExactlyElementsOf(all);
      assertThat(authorizations)
          .as("basic credentials go to the token realm, the token to the registry")
          .contains(
              "token:Basic "
                  + java.util.Base64.getEncoder()
                      .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
          .filteredOn(a -> a.startsWith("list:Bearer"))
          .hasSize(3);
    } finally {
      server.stop(0);
    }
  }

  private static void reply(
      com.sun.net.httpserver.HttpExchange exchange,
      int status,
      Map<String, String> headers,
      String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
