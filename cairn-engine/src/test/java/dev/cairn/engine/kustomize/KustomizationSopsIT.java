package dev.cairn.engine.kustomize;

import static dev.cairn.engine.kustomize.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.engine.SecretData;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code spec.decryption} end to end with cairn-secrets' SOPS fixtures: an age-encrypted Secret
 * manifest and a PGP-encrypted file read by a {@code secretGenerator} reach the cluster decrypted;
 * with the wrong key the Kustomization fails naming the Secret, and no plaintext, ciphertext or key
 * reaches its status, its events or the log.
 */
@ExtendWith(ClusterExtension.class)
class KustomizationSopsIT {
  static final Path SOPS =
      Path.of(System.getProperty("basedir", "."))
          .resolve("../cairn-secrets/src/test/resources/sops")
          .toAbsolutePath()
          .normalize();
  private static Harness h;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = Harness.start(cluster);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void ageAndPgpEncryptedContentIsAppliedDecrypted(TestCluster cluster) throws Exception {
    Harness.Fixture f = fixture(cluster, "sops");
    keySecret(
        f,
        "identity.agekey",
        "age/identity.agekey",
        "sops.asc",
        "upstream/sops_functional_tests_key.asc");
    h.createKustomization(f, "secrets", "path: ./app\nprune: true\n" + decryption());

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    KustomizationStatus status = capture(log, () -> h.sync(f, "secrets"));

    assertThat(ready(status).getStatus()).as(ready(status).getMessage()).isEqualTo("True");
    Map<String, String> db =
        SecretData.of(h.client.secrets().inNamespace(f.ns()).withName("db").get());
    assertThat(db).containsEntry("password", "s3cr3t").containsEntry("port", "5432");
    Map<String, String> app =
        SecretData.of(h.client.secrets().inNamespace(f.ns()).withName("app").get());
    assertThat(app).containsEntry("settings.env", "foo = bar\n");
    assertNoSecrets(log.toString(StandardCharsets.UTF_8));
    assertNoSecrets(h.client.getKubernetesSerialization().asJson(status));
  }

  @Test
  void aWrongKeyFailsNamingTheSecretAndLeaksNothing(TestCluster cluster) throws Exception {
    Harness.Fixture f = fixture(cluster, "sops-wrong");
    keySecret(f, "sops.asc", "upstream/sops_functional_tests_key.asc");
    h.createKustomization(f, "secrets", "path: ./app\nprune: true\n" + decryption());

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    KustomizationStatus status = capture(log, () -> h.sync(f, "secrets"));

    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getMessage())
        .contains("decryption failed for Secret/" + f.ns() + "/db (app/db.yaml)");
    assertThat(h.client.secrets().inNamespace(f.ns()).withName("db").get()).isNull();
    String events =
        h.client.v1().events().inNamespace(f.ns()).list().getItems().stream()
            .map(Event::getMessage)
            .collect(Collectors.joining("\n"));
    assertThat(events).contains("Secret/" + f.ns() + "/db");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("Secret/" + f.ns() + "/db");
    for (String text :
        new String[] {
          h.client.getKubernetesSerialization().asJson(status),
          events,
          log.toString(StandardCharsets.UTF_8)
        }) {
      assertNoSecrets(text);
    }
  }

  private static void assertNoSecrets(String text) throws Exception {
    String identity = Files.readString(SOPS.resolve("age/identity.agekey"));
    String ageKey =
        identity.lines().filter(l -> l.startsWith("AGE-SECRET-KEY")).findFirst().orElseThrow();
    assertThat(text)
        .doesNotContain("s3cr3t")
        .doesNotContain("ENC[AES256_GCM")
        .doesNotContain(ageKey)
        .doesNotContain("BEGIN PGP PRIVATE KEY");
  }

  private static <T> T capture(ByteArrayOutputStream log, Supplier<T> body) {
    PrintStream err = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      return body.get();
    } finally {
      System.setErr(err);
    }
  }

  private static String decryption() {
    return "decryption: {provider: sops, secretRef: {name: sops-keys}}\n";
  }

  private static Harness.Fixture fixture(TestCluster cluster, String name) throws Exception {
    Harness.Fixture f = h.fixture(cluster, name);
    f.work().write("app/db.yaml", Files.readString(SOPS.resolve("age/secret.enc.json")));
    f.work().write("app/app.env", Files.readString(SOPS.resolve("upstream/format.enc.env")));
    f.work()
        .write(
            "app/kustomization.yaml",
            """
            resources: [db.yaml]
            secretGenerator:
            - name: app
              files: [settings.env=app.env]
            generatorOptions: {disableNameSuffixHash: true}
            """);
    f.commit("encrypted");
    h.createSource(f);
    return f;
  }

  private static void keySecret(Harness.Fixture f, String... keyAndFixture) throws Exception {
    Map<String, String> data = new LinkedHashMap<>();
    for (int i = 0; i < keyAndFixture.length; i += 2) {
      data.put(
          keyAndFixture[i],
          Base64.getEncoder()
              .encodeToString(Files.readAllBytes(SOPS.resolve(keyAndFixture[i + 1]))));
    }
    h.client
        .secrets()
        .inNamespace(f.ns())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("sops-keys")
                .endMetadata()
                .withData(data)
                .build())
        .create();
  }
}
