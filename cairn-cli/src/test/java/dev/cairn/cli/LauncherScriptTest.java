package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's {@code ./cairn} launcher refuses to run without Java 17, and says why. */
class LauncherScriptTest {

  static final Path LAUNCHER = Path.of("..", "cairn").toAbsolutePath().normalize();

  record Run(int exit, String output) {}

  static Run launch(Map<String, String> environment) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(List.of("/bin/bash", LAUNCHER.toString(), "version"))
            .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }

  @Test
  void withoutJavaItSaysWhatIsNeeded(@TempDir Path bin) throws Exception {
    Files.createSymbolicLink(bin.resolve("dirname"), Path.of("/usr/bin/dirname"));
    Run run = launch(Map.of("PATH", bin.toString()));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("Java 17 or newer is needed").contains("no 'java' was found");
  }

  @Test
  void anOlderJavaIsNamedAndRefused(@TempDir Path home) throws Exception {
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/bash\necho '    java.specification.version = 11' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Run run = launch(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", home.toString()));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("is Java 11").contains("JAVA_HOME");
  }
}
