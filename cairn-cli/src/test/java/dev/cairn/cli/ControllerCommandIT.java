package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.source.GitRepository;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code cairn controller} against the simulated cluster through a kubeconfig file: it serves the
 * probes, reconciles a GitRepository and a Kustomization from a real Git server to Ready, and stops
 * cleanly with exit code 0 when asked to.
 */
@ExtendWith(ClusterExtension.class)
class ControllerCommandIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern ADDRESS = Pattern.compile("probes and metrics on (http://\\S+)");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void runsTheControllersUntilStopped(TestCluster cluster) throws Exception {
    assumeTrue(cluster.isSimulated(), "needs the simulated cluster's kubeconfig");
    Path temp = Files.createTempDirectory("controller-command-");
    Path kubeconfig = cluster.simulated().orElseThrow().writeKubeconfig(temp.resolve("kubeconfig"));
    KubernetesClient client = cluster.client();
    CairnCrdInstaller.installAll(client);
    String ns = cluster.createNamespace("cli");
    try (GitHttpServer git = GitHttpServer.start(temp.resolve("repos"))) {
      String url = git.createRepository(ns);
      GitWorkingCopy work = GitWorkingCopy.init(Files.createDirectories(temp.resolve("work")));
      work.write(
          "app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {a: b}\n");
      work.commitAll("first");
      work.push(url);
      createObjects(client, ns, url);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      CommandLine cli =
          Main.commandLine(
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      ControllerCommand command = cli.getSubcommands().get("controller").getCommand();
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () ->
                  cli.execute(
                      "controller",
                      "--kubeconfig",
                      kubeconfig.toString(),
                      "--storage-path",
                      temp.resolve("storage").toString(),
                      "--metrics-bind-address",
                      "127.0.0.1:0",
                      "--no-leader-elect"));

      String base =
          await()
              .atMost(WAIT)
              .until(
                  () -> {
                    Matcher m = ADDRESS.matcher(out.toString(StandardCharsets.UTF_8));
                    return m.find() ? m.group(1) : null;
                  },
                  address -> address != null);
      await().atMost(WAIT).until(() -> status(base + "/readyz") == 200);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  isReady(
                      client.resources(Kustomization.class).inNamespace(ns).withName("app").get()));
      assertThat(client.configMaps().inNamespace(ns).withName("cm").get().getData())
          .containsEntry("a", "b");
      assertThat(status(base + "/healthz")).isEqualTo(200);

      command.stop.countDown();
      assertThat(exit.get(60, TimeUnit.SECONDS)).as("stderr: %s", err).isZero();
      assertThatThrownBy(() -> status(base + "/healthz")).isInstanceOf(IOException.class);
    }
  }

  private int status(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static boolean isReady(Kustomization k) {
    return k != null
        && k.getStatus() != null
        && k.getStatus().getConditions() != null
        && k.getStatus().getConditions().stream()
            .anyMatch(
                c -> ConditionTypes.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static void createObjects(KubernetesClient client, String ns, String url) {
    var yaml = client.getKubernetesSerialization();
    client
        .resource(
            yaml.unmarshal(
                """
                apiVersion: cairn.dev/v1
                kind: GitRepository
                metadata: {name: repo, namespace: %s}
                spec: {url: "%s", interval: 10m, ref: {branch: main}}
                """
                    .formatted(ns, url),
                GitRepository.class))
        .create();
    client
        .resource(
            yaml.unmarshal(
                """
                apiVersion: cairn.dev/v1
                kind: Kustomization
                metadata: {name: app, namespace: %s}
                spec:
                  interval: 10m
                  sourceRef: {kind: GitRepository, name: repo}
                  targetNamespace: %s
                  path: ./app
                  prune: true
                """
                    .formatted(ns, ns),
                Kustomization.class))
        .create();
  }
}
