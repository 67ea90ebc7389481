package dev.cairn.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cli.cluster.ObjectStatus;
import dev.cairn.secrets.sealed.SealingKey;
import dev.cairn.secrets.sealed.SealingKeyPem;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn up} with SealedSecrets in the fleet: values sealed by an independent implementation
 * (cairn-secrets' Python vectors) for the committed test key open into Secrets when that key is
 * given; without a key one is made and its certificate written to the working directory.
 */
class UpSealedSecretsIT {
  static final Path SEALED =
      Path.of(System.getProperty("basedir", "."))
          .resolve("../cairn-secrets/src/test/resources/sealed")
          .toAbsolutePath()
          .normalize();

  @Test
  void aFleetSealedForAKnownKeyReconcilesIntoItsSecrets(@TempDir Path temp) throws Exception {
    JsonNode strict = vector("team-a", "db-credentials");
    JsonNode wide = vector("anywhere", "any");
    Path fleet = temp.resolve("fleet");
    Path cluster = Files.createDirectories(fleet.resolve("clusters/production"));
    Files.writeString(
        cluster.resolve("secrets.yaml"),
        """
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-a}
        ---
        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata: {name: db-credentials, namespace: team-a}
        spec:
          encryptedData: {config: %s}
          template: {type: Opaque}
        ---
        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata:
          name: shared
          namespace: team-a
          annotations: {sealedsecrets.bitnami.com/cluster-wide: "true"}
        spec:
          encryptedData: {token: %s}
        """
            .formatted(strict.path("sealed").asText(), wide.path("sealed").asText()));
    SealingKey key =
        SealingKeySetup.read(SEALED.resolve("key/tls.key"), SEALED.resolve("key/tls.crt"), 2);
    Path work = temp.resolve("work");
    StringWriter printed = new StringWriter();
    PrintWriter info = new PrintWriter(printed, true);

    try (UpSession session =
            UpSession.start(
                UpSettings.defaults().withFleet(fleet).withWorkDir(work),
                SealingKeySetup.before(RuntimeControllers::start, key, info),
                info);
        KubernetesClient kubectl = client(session)) {
      await()
          .atMost(Duration.ofMinutes(2))
          .untilAsserted(
              () -> {
                assertThat(secret(kubectl, "db-credentials"))
                    .extracting(s -> s.getData().get("config"))
                    .isEqualTo(strict.path("plaintext").asText());
                assertThat(secret(kubectl, "shared"))
                    .extracting(s -> s.getData().get("token"))
                    .isEqualTo(wide.path("plaintext").asText());
              });
      await().atMost(Duration.ofMinutes(1)).until(() -> allReady(session.statuses()));
      assertThat(secret(kubectl, "db-credentials").getType()).isEqualTo("Opaque");
    }
    String written = Files.readString(work.resolve(SealingKeySetup.CERTIFICATE_FILE));
    assertThat(SealingKeyPem.readCertificate("written", written).publicKey())
        .isEqualTo(key.publicKey());
    assertThat(printed.toString())
        .contains("from --sealing-cert, " + key.fingerprint())
        .contains("cairn seal --cert " + work.resolve(SealingKeySetup.CERTIFICATE_FILE));
  }

  @Test
  void withoutAKeyOneIsMadeAndItsCertificateWritten(@TempDir Path temp) throws Exception {
    Path fleet = Files.createDirectories(temp.resolve("fleet/clusters/production"));
    Files.writeString(
        fleet.resolve("ns.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: empty}\n");
    Path work = temp.resolve("work");
    StringWriter printed = new StringWriter();
    PrintWriter info = new PrintWriter(printed, true);
    try (UpSession session =
            UpSession.start(
                UpSettings.defaults().withFleet(temp.resolve("fleet")).withWorkDir(work),
                SealingKeySetup.before(RuntimeControllers::start, null, info),
                info);
        KubernetesClient kubectl = client(session)) {
      Path certificate = work.resolve(SealingKeySetup.CERTIFICATE_FILE);
      String written = Files.readString(certificate);
      List<Secret> keys =
          kubectl
              .secrets()
              .inNamespace(Bootstrap.NAME)
              .withLabel("sealedsecrets.bitnami.com/sealed-secrets-key", "active")
              .list()
              .getItems();
      assertThat(keys).hasSize(1);
      assertThat(SealingKeyPem.readCertificate("written", written).publicKey().getModulus())
          .isEqualTo(
              SealingKeyPem.fromSecretData(
                      "in cluster",
                      Map.of(
                          "tls.key",
                          Base64.getDecoder().decode(keys.get(0).getData().get("tls.key")),
                          "tls.crt",
                          Base64.getDecoder().decode(keys.get(0).getData().get("tls.crt"))))
                  .publicKey()
                  .getModulus());
      assertThat(printed.toString()).contains("a new key").contains(certificate.toString());
    }
  }

  private static boolean allReady(List<ObjectStatus> statuses) {
    return !statuses.isEmpty() && statuses.stream().allMatch(ObjectStatus::readyTrue);
  }

  private static KubernetesClient client(UpSession session) {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(null, session.kubeconfig().toFile()))
        .build();
  }

  private static Secret secret(KubernetesClient client, String name) {
    return client.secrets().inNamespace("team-a").withName(name).get();
  }

  private static JsonNode vector(String namespace, String name) throws Exception {
    for (JsonNode v : new ObjectMapper().readTree(SEALED.resolve("vectors.json").toFile())) {
      if (v.path("namespace").asText().equals(namespace) && v.path("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no vector " + namespace + "/" + name);
  }
}
