package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigFilesTest {
  @TempDir Path dir;

  @Test
  void aUserWithoutChangeableCredentialsDropsTheFile() throws IOException {
    Config config = load("user: {}");

    Config kept = KubeconfigFiles.withoutRereads(config);

    assertThat(kept.getFile()).isNull();
    assertThat(kept.refresh()).as("a refresh reads nothing again").isSameAs(kept);
    assertThat(kept.getMasterUrl()).startsWith("https://cluster.example:6443");
    assertThat(kept.getCurrentContext().getName()).isEqualTo("x");
  }

  @Test
  void aUserWithATokenOrATokenFileKeepsIt() throws IOException {
    assertThat(KubeconfigFiles.withoutRereads(load("user: {tokenFile: /dev/null}")).getFile())
        .isNotNull();
    assertThat(KubeconfigFiles.withoutRereads(load("user: {token: abc}")).getFile()).isNotNull();
  }

  private Config load(String user) throws IOException {
    Path file = dir.resolve("kubeconfig-" + Math.abs(user.hashCode()));
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "https://cluster.example:6443"}
        users:
        - name: u
          %s
        contexts:
        - name: x
          context: {cluster: c, user: u}
        current-context: x
        """
            .formatted(user));
    return Config.fromKubeconfig(file.toFile());
  }
}
