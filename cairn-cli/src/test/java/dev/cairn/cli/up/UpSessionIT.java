package dev.cairn.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.cli.cluster.ObjectStatus;
import dev.cairn.sim.git.GitWorkingCopy;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running {@code cairn up}: a commit in the printed working copy reaches the cluster. */
class UpSessionIT {
  static final Path FLEET = Path.of("src", "test", "resources", "up", "fleet").toAbsolutePath();

  @Test
  void aCommitInTheWorkingCopyIsPickedUpWithoutWaitingForTheInterval(@TempDir Path work) {
    StringWriter printed = new StringWriter();
    UpSettings settings = UpSettings.defaults().withFleet(FLEET).withWorkDir(work);
    try (UpSession session =
            UpSession.start(settings, RuntimeControllers::start, new PrintWriter(printed, true));
        KubernetesClient kubectl =
            new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(null, session.kubeconfig().toFile()))
                .build()) {
      await()
          .atMost(Duration.ofMinutes(2))
          .until(
              () -> {
                List<ObjectStatus> all = session.statuses();
                return all.size() == 4 && all.stream().allMatch(ObjectStatus::readyTrue);
              });
      assertThat(settings(kubectl).getData())
          .containsEntry("greeting", "hello from test")
          .containsEntry("host", "web.test.example.com");

      GitWorkingCopy.init(work.resolve("fleet"))
          .write("apps/web/settings.yaml", settingsYaml("bonjour from ${cluster_name}"))
          .commitAll("Say bonjour");

      // The GitRepository's interval is a minute: only the branch watch makes this quick.
      await()
          .atMost(Duration.ofSeconds(40))
          .untilAsserted(
              () ->
                  assertThat(settings(kubectl).getData())
                      .containsEntry("greeting", "bonjour from test"));
      assertThat(printed.toString()).contains("picks the commit up within seconds");
    }
  }

  private static ConfigMap settings(KubernetesClient client) {
    return client.configMaps().inNamespace("web").withName("web-settings").get();
  }

  private static String settingsYaml(String greeting) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web-settings
        data:
          greeting: %s
          host: web.${cluster_domain}
        """
        .formatted(greeting);
  }
}
