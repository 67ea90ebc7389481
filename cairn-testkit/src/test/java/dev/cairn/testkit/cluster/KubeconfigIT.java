package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sim.cluster.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigIT {
  private static SimulatedCluster cluster;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    cluster = SimulatedCluster.start();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void fabric8ReadsTheWrittenKubeconfig() throws IOException {
    Path file = cluster.writeKubeconfig(dir.resolve("fabric8/config"));

    Config config =
        Config.fromKubeconfig(SimulatedCluster.CONTEXT, Files.readString(file), file.toString());
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThat(client.getMasterUrl().toString()).startsWith(cluster.masterUrl());
      assertThat(client.namespaces().withName("kube-system").get()).isNotNull();
    }
  }

  @Test
  void kubectlAppliesAndReadsThroughTheKubeconfig() throws Exception {
    Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed");
    Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubectl/config"));
    Path manifest = dir.resolve("cm.yaml");
    Files.writeString(
        manifest,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-kubectl\n  namespace: default\n"
            + "data:\n  colour: blue\n");

    Result apply = kubectl(kubeconfig, "apply", "--server-side", "-f", manifest.toString());
    Result get =
        kubectl(kubeconfig, "get", "configmap", "from-kubectl", "-o", "jsonpath={.data.colour}");

    assertThat(apply.exit()).as(apply.output()).isZero();
    assertThat(get.output()).isEqualTo("blue");
    ConfigMap live =
        cluster.client().configMaps().inNamespace("default").withName("from-kubectl").get();
    assertThat(live.getMetadata().getManagedFields())
        .anyMatch(e -> e.getManager().equals("kubectl") && e.getOperation().equals("Apply"));
  }

  private record Result(int exit, String output) {}

  private static Result kubectl(Path kubeconfig, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kubectl did not finish: " + command);
    }
    return new Result(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, program))) {
        return true;
      }
    }
    return false;
  }
}
