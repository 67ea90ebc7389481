package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.sealed.SealedSecret;
import dev.cairn.secrets.sealed.HybridSealer;
import dev.cairn.secrets.sealed.SealingKeyPem;
import dev.cairn.secrets.sealed.SecretSealer;
import dev.cairn.server.ProbeServer;
import dev.cairn.server.Probes;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runtime with the SealedSecret kind: it makes a sealing key, serves its certificate at {@code
 * /v1/cert.pem}, and a SealedSecret sealed for that certificate becomes a Secret.
 */
@ExtendWith(ClusterExtension.class)
class SealedSecretsRuntimeIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void makesAKeyServesItsCertificateAndOpensWhatWasSealedForIt(TestCluster cluster)
      throws Exception {
    KubernetesClient client = cluster.client();
    String keys = cluster.createNamespace("keys");
    String ns = cluster.createNamespace("app");
    try (GitOpsFixture fixture = GitOpsFixture.start(cluster);
        CairnRuntime runtime =
            new CairnRuntime(
                client,
                fixture.options("sealed"),
                SealingOptions.defaults().withKeyNamespace(keys));
        ProbeServer probes =
            ProbeServer.start(
                new InetSocketAddress("127.0.0.1", 0),
                new Probes(
                    runtime::isReady,
                    runtime.meterRegistry()::scrape,
                    runtime::sealingCertificate))) {
      runtime.start();
      await().atMost(WAIT).until(runtime::isReady);
      await().atMost(WAIT).until(() -> certificate(probes).statusCode() == 200);
      String pem = certificate(probes).body();

      Secret plain =
          new SecretBuilder()
              .withNewMetadata()
              .withName("db")
              .withNamespace(ns)
              .endMetadata()
              .withStringData(Map.of("password", "correct horse"))
              .build();
      ObjectNode sealed =
          new SecretSealer(new HybridSealer())
              .seal(
                  client.getKubernetesSerialization().convertValue(plain, ObjectNode.class),
                  SealingKeyPem.readCertificate("served", pem).publicKey(),
                  null,
                  ns);
      client
          .resource(client.getKubernetesSerialization().convertValue(sealed, SealedSecret.class))
          .create();

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(client.secrets().inNamespace(ns).withName("db").get())
                      .isNotNull()
                      .extracting(s -> s.getData().get("password"))
                      .isEqualTo(
                          Base64.getEncoder()
                              .encodeToString("correct horse".getBytes(StandardCharsets.UTF_8))));
      assertThat(client.secrets().inNamespace(keys).list().getItems())
          .singleElement()
          .satisfies(s -> assertThat(s.getType()).isEqualTo("kubernetes.io/tls"));
    }
  }

  private HttpResponse<String> certificate(ProbeServer probes) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + probes.port() + ProbeServer.CERTIFICATE_PATH))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
