package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn up} as a real child process stops on Ctrl-C (SIGINT) and SIGTERM within seconds,
 * says where its working directory stays and exits with 130 / 143. Helm's runtime is loaded before
 * the signal (StopSignals renders a chart at start), the case that used to swallow both signals.
 */
class UpSignalsIT {

  @Test
  void sigintStopsWithExitCode130(@TempDir Path work) throws Exception {
    Assumptions.assumeFalse(
        sigintIgnoredHere(), "SIGINT is ignored by this JVM (a background job); children inherit");
    Child child = Child.start(work);
    child.awaitReconciling();
    child.signal("INT");
    child.assertStopped(130, work);
  }

  @Test
  void sigtermStopsWithExitCode143(@TempDir Path work) throws Exception {
    Child child = Child.start(work);
    child.awaitReconciling();
    // Not Process.destroy(): it sends SIGTERM but also closes our end of the child's output.
    child.signal("TERM");
    child.assertStopped(143, work);
  }

  private static boolean sigintIgnoredHere() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).strip(), 16) & 0b10) != 0;
      }
    }
    return false;
  }

  private record Child(Process process, List<String> lines) {

    static Child start(Path work) throws IOException {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process process =
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "up",
                  "--fleet",
                  UpIT.FLEET.toString(),
                  "--workdir",
                  work.resolve("up").toString())
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

    void awaitReconciling() {
      await()
          .atMost(Duration.ofMinutes(2))
          .until(
              () ->
                  lines.stream().anyMatch(l -> l.contains("Reconciling; press Ctrl-C to stop."))
                          && lines.stream()
                              .anyMatch(
                                  l ->
                                      l.contains("Kustomization/cairn-system/apps")
                                          && l.contains("Ready"))
                      || !process.isAlive());
      assertThat(process.isAlive()).as(String.join("\n", lines)).isTrue();
    }

    void signal(String name) throws IOException, InterruptedException {
      Process kill =
          new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      assertThat(kill.waitFor()).isZero();
    }

    void assertStopped(int code, Path work) throws InterruptedException {
      boolean exited = process.waitFor(10, TimeUnit.SECONDS);
      if (!exited) {
        process.destroyForcibly();
      }
      assertThat(exited).as("exited within 10 s:\n" + String.join("\n", lines)).isTrue();
      assertThat(process.exitValue()).as(String.join("\n", lines)).isEqualTo(code);
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(lines)
                      .contains("Stopped. The working directory stays: " + work.resolve("up")));
    }
  }
}
