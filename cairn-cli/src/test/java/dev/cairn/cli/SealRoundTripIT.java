package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.api.sealed.SealedSecret;
import dev.cairn.api.sealed.SealedSecretStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.Outcome;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.secrets.SealedSecretKind;
import dev.cairn.engine.secrets.SealingKeyring;
import dev.cairn.secrets.sealed.SealingKeyGenerator;
import dev.cairn.secrets.sealed.SealingKeyPem;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code cairn seal --raw} prints opens in Cairn's SealedSecret reconciler and in an
 * independent implementation (cairn-secrets' {@code sealed_vectors.py}, on python3-cryptography),
 * both with the committed test key; the certificate given to {@code --cert} is that key's.
 */
@ExtendWith(ClusterExtension.class)
class SealRoundTripIT {
  private static final Path KEY =
      Path.of(System.getProperty("basedir", "."))
          .resolve("../cairn-secrets/src/test/resources/sealed/key")
          .normalize();
  private static final String PLAINTEXT = "s3cr3t value\n";
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir static Path temp;
  static String ciphertext;

  @BeforeAll
  static void seal() throws Exception {
    Path value = Files.writeString(temp.resolve("value"), PLAINTEXT);
    MainTest.Result result =
        MainTest.run(
            "seal",
            "--raw",
            "--cert",
            KEY.resolve("tls.crt").toString(),
            "-n",
            "apps",
            "--name",
            "db",
            "--from-file",
            value.toString());
    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
    ciphertext = result.out().strip();
    assertThat(ciphertext).doesNotContain("s3cr3t");
  }

  @Test
  void theControllerOpensIt(TestCluster cluster) throws Exception {
    KubernetesClient client = cluster.client();
    CairnCrdInstaller.installAll(client);
    String keys = cluster.createNamespace("sealkeys");
    SealingKeyring keyring =
        new SealingKeyring(client, keys, SealingKeyGenerator.defaults(), Clock.systemUTC());
    keyring.add(
        SealingKeyPem.read(
            "test key",
            Files.readString(KEY.resolve("tls.key")),
            Files.readString(KEY.resolve("tls.crt"))));
    if (client.namespaces().withName("apps").get() == null) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName("apps").endMetadata().build())
          .create();
    }
    String yaml =
        """
        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata: {name: db, namespace: apps}
        spec:
          encryptedData: {password: %s}
          template: {type: Opaque}
        """
            .formatted(ciphertext);
    SealedSecret sealed =
        client
            .resource(client.getKubernetesSerialization().unmarshal(yaml, SealedSecret.class))
            .create();

    ReconcileResult<SealedSecretStatus> result =
        SealedSecretKind.reconciler(
                client,
                keyring,
                new EventRecorder(client, "cairn", Clock.systemUTC()),
                Clock.systemUTC())
            .reconcile(sealed, Trigger.WATCH);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(client.secrets().inNamespace("apps").withName("db").get().getData())
        .containsEntry(
            "password",
            Base64.getEncoder().encodeToString(PLAINTEXT.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anIndependentImplementationOpensIt() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
    assumeTrue(
        run(List.of(PYTHON, "-c", "import cryptography")).startsWith("0:"),
        "python3-cryptography is not installed");
    Path vectors =
        Files.writeString(
            temp.resolve("cairn-seal.json"),
            """
            [{"scope": "strict", "namespace": "apps", "name": "db",
              "plaintext": "%s", "sealed": "%s"}]
            """
                .formatted(
                    Base64.getEncoder().encodeToString(PLAINTEXT.getBytes(StandardCharsets.UTF_8)),
                    ciphertext));

    String output =
        run(
            List.of(
                PYTHON,
                KEY.resolveSibling("sealed_vectors.py").toString(),
                "unseal",
                KEY.toString(),
                vectors.toString()));

    assertThat(output).startsWith("0:").contains("unsealed 1 values");
  }

  /** The exit code, a colon, then everything the command printed. */
  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    return process.exitValue() + ":" + output;
  }
}
