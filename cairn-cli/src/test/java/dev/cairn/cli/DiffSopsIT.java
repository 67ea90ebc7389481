package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn diff} of a Kustomization with {@code spec.decryption}: the SOPS-encrypted Secret is
 * decrypted with the keys in the cluster and shown masked; with no usable key the diff fails naming
 * the Secret. Neither shows plaintext or ciphertext.
 */
@ExtendWith(ClusterExtension.class)
class DiffSopsIT {
  static final Path SOPS =
      Path.of(System.getProperty("basedir", "."))
          .resolve("../cairn-secrets/src/test/resources/sops")
          .toAbsolutePath()
          .normalize();

  @Test
  void diffDecryptsWithTheClusterKeysAndMasksTheValues(TestCluster cluster, @TempDir Path temp)
      throws Exception {
    KubernetesClient client = cluster.client();
    Path kubeconfig = CliFixture.kubeconfig(cluster, temp);
    CliFixture.installCrds(client);
    String ns = cluster.createNamespace("diff-sops");
    for (String name : new String[] {"good", "wrong"}) {
      CliFixture.create(
          client,
          CairnKind.Kustomization,
          """
          apiVersion: cairn.dev/v1
          kind: Kustomization
          metadata: {name: %s, namespace: %s}
          spec:
            interval: 10m
            path: ./
            prune: true
            targetNamespace: %s
            sourceRef: {kind: GitRepository, name: fleet}
            decryption: {provider: sops, secretRef: {name: %s-keys}}
          """
              .formatted(name, ns, ns, name),
          "{}");
    }
    keys(client, ns, "good-keys", "identity.agekey", "age/identity.agekey");
    keys(client, ns, "wrong-keys", "sops.asc", "upstream/sops_functional_tests_key.asc");
    Path dir = Files.createDirectories(temp.resolve("fleet"));
    Files.copy(SOPS.resolve("age/secret.enc.json"), dir.resolve("db.yaml"));
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: [db.yaml]\n");

    MainTest.Result good =
        MainTest.run(
            "diff",
            "ks",
            "good",
            "--path",
            dir.toString(),
            "--kubeconfig",
            kubeconfig.toString(),
            "-n",
            ns);
    MainTest.Result wrong =
        MainTest.run(
            "diff",
            "ks",
            "wrong",
            "--path",
            dir.toString(),
            "--kubeconfig",
            kubeconfig.toString(),
            "-n",
            ns);

    assertThat(good.out()).as(good.err()).contains("Secret/" + ns + "/db").contains("***");
    assertThat(wrong.code()).isNotZero();
    assertThat(wrong.err()).contains("decryption failed for Secret/" + ns + "/db");
    for (String text : new String[] {good.out(), good.err(), wrong.out(), wrong.err()}) {
      assertThat(text).doesNotContain("s3cr3t").doesNotContain("ENC[AES256_GCM");
    }
  }

  private static void keys(
      KubernetesClient client, String ns, String name, String key, String fixture)
      throws Exception {
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withData(
                    Map.of(
                        key,
                        Base64.getEncoder()
                            .encodeToString(Files.readAllBytes(SOPS.resolve(fixture)))))
                .build())
        .create();
  }
}
