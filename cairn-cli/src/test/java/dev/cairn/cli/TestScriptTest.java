package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./test} installs only the Debian packages that are missing, then runs
 * {@code ./mvnw -B verify} with the caller's arguments. Run on a copy next to a stub {@code mvnw},
 * with stub {@code apt-get}, {@code dpkg-query} and {@code sudo} on a PATH of their own.
 */
class TestScriptTest {
  static final Path SCRIPT = Path.of("..", "test").toAbsolutePath().normalize();

  @TempDir Path work;
  Path bin;
  Path log;

  @BeforeEach
  void stubs() throws Exception {
    bin = Files.createDirectories(work.resolve("bin"));
    log = work.resolve("calls.log");
    Files.copy(SCRIPT, work.resolve("test"));
    executable(work.resolve("test"), null);
    executable(work.resolve("mvnw"), "echo \"mvnw $*\" >> " + log);
    executable(bin.resolve("apt-get"), "echo \"apt-get $*\" >> " + log);
    executable(bin.resolve("sudo"), "\"$@\"");
    for (String tool : List.of("bash", "dirname", "id", "env", "cat")) {
      Path real = Path.of("/usr/bin", tool);
      Files.createSymbolicLink(
          bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
    }
  }

  void executable(Path file, String body) throws Exception {
    if (body != null) {
      Files.writeString(file, "#!/bin/bash\n" + body + "\n");
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /**
   * Commands present on the stub PATH; dpkg-query reports {@code libraryInstalled} for the packages
   * checked as libraries (the SSA library's Go sources, python3-cryptography).
   */
  String run(List<String> commands, boolean libraryInstalled) throws Exception {
    for (String command : commands) {
      executable(bin.resolve(command), "exit 0");
    }
    executable(
        bin.resolve("dpkg-query"),
        libraryInstalled ? "echo -n 'install ok installed'" : "echo -n 'unknown ok not-installed'");
    ProcessBuilder builder =
        new ProcessBuilder("/bin/bash", work.resolve("test").toString(), "-pl", "cairn-sim")
            .redirectErrorStream(true);
    builder.environment().put("PATH", bin.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Test
  void installsOnlyWhatIsMissingThenRunsTheSuiteWithTheArguments() throws Exception {
    String calls = run(List.of("java", "curl", "unzip", "git", "go", "age", "chromium"), false);

    assertThat(calls)
        .contains("apt-get update")
        .containsPattern(
            "apt-get install -y -qq --no-install-recommends"
                + " docker-registry golang-k8s-sigs-structured-merge-diff-dev"
                + " python3-cryptography chromium-driver\\n")
        .endsWith("mvnw -B verify -pl cairn-sim\n");
  }

  @Test
  void installsNothingWhenEverythingIsThere() throws Exception {
    String calls =
        run(
            List.of(
                "java",
                "curl",
                "unzip",
                "git",
                "docker-registry",
                "go",
                "age",
                "chromium",
                "chromedriver"),
            true);

    assertThat(calls).doesNotContain("apt-get").isEqualTo("mvnw -B verify -pl cairn-sim\n");
  }
}
