package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.cluster.SimulatedCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn controller} as a child process tells the truth about the API server: against a port
 * nobody listens on it says it cannot reach it on every attempt, with backoff, answers 503 on
 * {@code /readyz} (200 on {@code /healthz}) and stops on SIGTERM with one line and exit code 0;
 * against the simulated cluster going away and coming back it connects, becomes ready, reports the
 * loss (not ready) and the return (ready again).
 */
class ControllerApiServerIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Pattern ADDRESS =
      Pattern.compile("serving probes and metrics on (http://[0-9.]+:[0-9]+)");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void unreachableServerIsRetriedNotReadyAndStopsWithOneLine(@TempDir Path temp) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String server = "https://127.0.0.1:" + port;
    Path kubeconfig = Files.writeString(temp.resolve("kubeconfig"), kubeconfig(server));
    Child child = Child.start(temp, kubeconfig);
    child.awaitLine("cannot reach the API server at " + server + "/: .*attempt 2,.*");
    String base = child.probes();
    assertThat(status(base + "/readyz")).isEqualTo(503);
    assertThat(status(base + "/healthz")).isEqualTo(200);
    assertThat(child.lines()).noneMatch(l -> l.contains("connected"));

    int before = child.lines().size();
    child.signal("TERM");
    assertThat(child.exitCode()).as(child.log()).isZero();
    List<String> after = child.lines().subList(before, child.lines().size());
    assertThat(after.stream().filter(l -> !l.contains("cannot reach the API server")))
        .as(child.log())
        .singleElement()
        .satisfies(l -> assertThat(l).contains("stopping on SIGTERM"));
    assertThat(child.lines())
        .as(child.log())
        .noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
  }

  @Test
  void followsTheSimulatedClusterGoingAwayAndComingBack(@TempDir Path temp) throws Exception {
    try (SimulatedCluster cluster = SimulatedCluster.start()) {
      CairnCrdInstaller.installAll(cluster.client());
      Path kubeconfig = cluster.writeKubeconfig(temp.resolve("kubeconfig"));
      cluster.stopServing();
      Child child = Child.start(temp, kubeconfig);
      child.awaitLine("cannot reach the API server at " + cluster.masterUrl() + ".*attempt 1,.*");
      String base = child.probes();
      assertThat(status(base + "/readyz")).isEqualTo(503);

      cluster.resumeServing();
      child.awaitLine("connected to the API server at " + cluster.masterUrl() + ".*");
      await().atMost(WAIT).until(() -> status(base + "/readyz") == 200);

      cluster.stopServing();
      child.awaitLine("lost the API server at " + cluster.masterUrl() + ".*");
      await().atMost(WAIT).until(() -> status(base + "/readyz") == 503);

      cluster.resumeServing();
      child.awaitLine("the API server at " + cluster.masterUrl() + ".* answers again.*");
      await().atMost(WAIT).until(() -> status(base + "/readyz") == 200);

      child.signal("TERM");
      assertThat(child.exitCode()).as(child.log()).isZero();
      assertThat(child.lines()).last().asString().contains("stopping on SIGTERM");
    }
  }

  private int status(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String kubeconfig(String server) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: away
          cluster: {server: "%s", insecure-skip-tls-verify: true}
        users:
        - name: away
          user: {token: not-a-real-token}
        contexts:
        - name: away
          context: {cluster: away, user: away}
        current-context: away
        """
        .formatted(server);
  }

  private record Child(Process process, List<String> lines) {

    static Child start(Path temp, Path kubeconfig) throws IOException {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process process =
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "controller",
                  "--kubeconfig",
                  kubeconfig.toString(),
                  "--storage-path",
                  temp.resolve("storage").toString(),
                  "--metrics-bind-address",
                  "127.0.0.1:0",
                  "--no-leader-elect",
                  "--log-encoding",
                  "console")
              .redirectErrorStream(true)
              .start();
      List<String> lines = new CopyOnWriteArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  in.lines().forEach(lines::add);
                } catch (IOException closed) {
                  // The child is gone.
                }
              });
      reader.setDaemon(true);
      reader.start();
      return new Child(process, lines);
    }

    void awaitLine(String regex) {
      Pattern pattern = Pattern.compile(".*" + regex);
      try {
        await()
            .atMost(WAIT)
            .until(
                () ->
                    lines.stream().anyMatch(l -> pattern.matcher(l).matches())
                        || !process.isAlive());
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("no line matching " + regex + " in:\n" + log(), e);
      }
      assertThat(process.isAlive()).as(log()).isTrue();
    }

    String probes() {
      return lines.stream()
          .map(ADDRESS::matcher)
          .filter(Matcher::find)
          .map(m -> m.group(1))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no probe address in:\n" + log()));
    }

    void signal(String name) throws IOException, InterruptedException {
      Process kill =
          new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      assertThat(kill.waitFor()).isZero();
    }

    int exitCode() throws InterruptedException {
      boolean exited = process.waitFor(20, TimeUnit.SECONDS);
      if (!exited) {
        process.destroyForcibly();
      }
      assertThat(exited).as("exited within 20 s:\n" + log()).isTrue();
      // the reader may still be draining the last lines
      await().atMost(Duration.ofSeconds(5)).until(() -> !lines.isEmpty());
      return process.exitValue();
    }

    String log() {
      return String.join("\n", lines);
    }
  }
}
