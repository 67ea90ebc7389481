package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.secrets.sealed.HybridUnsealer;
import dev.cairn.secrets.sealed.SealingKey;
import dev.cairn.secrets.sealed.SealingKeyGenerator;
import dev.cairn.secrets.sealed.SealingKeyPem;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn seal} without --cert reads the active sealing key's certificate from the cluster.
 */
@ExtendWith(ClusterExtension.class)
class SealCommandIT {

  @TempDir static Path temp;
  static Path kubeconfig;
  static String keyNamespace;
  static String emptyNamespace;
  static SealingKey key;

  @BeforeAll
  static void activeKey(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    kubeconfig = CliFixture.kubeconfig(cluster, temp);
    keyNamespace = cluster.createNamespace("sealing");
    emptyNamespace = cluster.createNamespace("nokeys");
    key = SealingKeyGenerator.defaults().withKeyBits(2048).generate();
    client
        .secrets()
        .inNamespace(keyNamespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("sealed-secrets-key1")
                .addToLabels(SealCommand.KEY_LABEL, "active")
                .endMetadata()
                .withType("kubernetes.io/tls")
                .addToData("tls.crt", b64(key.certificate().pem()))
                .addToData("tls.key", b64(SealingKeyPem.writePrivateKey(key.privateKey())))
                .build())
        .create();
  }

  private static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theActiveKeysCertificateSeals() throws Exception {
    Path value = Files.writeString(temp.resolve("value"), "hunter2");

    MainTest.Result result =
        MainTest.run(
            "seal",
            "--raw",
            "--kubeconfig",
            kubeconfig.toString(),
            "--controller-namespace",
            keyNamespace,
            "-n",
            "apps",
            "--name",
            "db",
            "--from-file",
            value.toString());

    assertThat(result.err()).isEmpty();
    byte[] sealed = Base64.getDecoder().decode(result.out());
    assertThat(
            new HybridUnsealer()
                .unseal(List.of(key), "apps/db".getBytes(StandardCharsets.UTF_8), sealed))
        .isEqualTo("hunter2".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withoutAnActiveKeyTheErrorSaysToPassCert() {
    MainTest.Result result =
        MainTest.run(
            "seal",
            "--raw",
            "--kubeconfig",
            kubeconfig.toString(),
            "--controller-namespace",
            emptyNamespace,
            "-n",
            "apps",
            "--name",
            "db",
            "--from-file",
            "pom.xml");

    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err())
        .isEqualTo(
            "error: no active sealing key in namespace "
                + emptyNamespace
                + " (a Secret labelled sealedsecrets.bitnami.com/sealed-secrets-key=active);"
                + " pass --cert FILE|URL\n");
  }
}
