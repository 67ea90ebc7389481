package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start, as a newcomer runs it from the project root. */
class ReadmeQuickStartIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The commands of the first code block under "## Quick start", comments removed. */
  static List<String> quickStartCommands() throws Exception {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int section = lines.indexOf("## Quick start");
    assertThat(section).as("README.md has a '## Quick start' section").isNotNegative();
    List<String> commands = new ArrayList<>();
    boolean inBlock = false;
    for (String line : lines.subList(section + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("```")) {
        if (inBlock) {
          break;
        }
        inBlock = true;
        continue;
      }
      if (inBlock) {
        String command = line.replaceFirst("#.*$", "").strip();
        if (!command.isEmpty()) {
          commands.add(command);
        }
      }
    }
    return commands;
  }

  @Test
  void theQuickStartIsTheTwoCommands() throws Exception {
    assertThat(quickStartCommands()).containsExactly("./cairn up", "./test");
    assertThat(ROOT.resolve("test")).isExecutable();
    assertThat(ROOT.resolve("cairn")).isExecutable();
  }

  /** The lines of a shell script that are commands: comments and blank lines removed. */
  static List<String> commandLines(Path script) throws Exception {
    return Files.readAllLines(script, StandardCharsets.UTF_8).stream()
        .map(line -> line.replaceFirst("^\\s*#.*$", "").strip())
        .filter(line -> !line.isEmpty())
        .toList();
  }

  @Test
  void continuousIntegrationRunsTheReadmesTestCommand() throws Exception {
    assertThat(commandLines(ROOT.resolve(".ci/run")))
        .as(".ci/run ends by running the README's test command")
        .last()
        .isEqualTo("exec ./test \"$@\"");
    assertThat(commandLines(ROOT.resolve("test")))
        .as("./test ends by running the whole suite, passing extra arguments on")
        .last()
        .isEqualTo("exec ./mvnw -B verify \"$@\"");
  }

  @Test
  void theTestCommandInstallsWhatTheSuiteNeeds() throws Exception {
    String script = Files.readString(ROOT.resolve("test"), StandardCharsets.UTF_8);
    for (String debianPackage :
        List.of(
            "docker-registry",
            "git",
            "curl",
            "unzip",
            "golang-go",
            "golang-k8s-sigs-structured-merge-diff-dev",
            "age",
            "chromium")) {
      assertThat(script)
          .as("./test installs " + debianPackage)
          .contains("\"" + debianPackage + " ");
    }
    assertThat(script).contains("apt-get install").contains("sudo");
  }

  @Test
  void cairnUpOnceThroughTheLauncherReachesReady(@TempDir Path temp) throws Exception {
    assertThat(ROOT.resolve("cairn-cli/target/cairn.jar")).exists();
    Path log = temp.resolve("up.log");
    Process process =
        new ProcessBuilder("/bin/bash", "./cairn", "up", "--once", "--timeout", "4m")
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean exited = process.waitFor(6, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(exited).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("simulated cluster").contains("Cairn objects are Ready");
  }
}
