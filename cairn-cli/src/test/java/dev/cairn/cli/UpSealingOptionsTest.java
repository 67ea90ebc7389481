package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn up --sealing-key/--sealing-cert} refuse bad input before anything starts. */
class UpSealingOptionsTest {

  @Test
  void aKeyWithoutItsCertificateIsAUsageError(@TempDir Path temp) {
    MainTest.Result result =
        MainTest.run("up", "--once", "--sealing-key", temp.resolve("tls.key").toString());

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("--sealing-key and --sealing-cert go together");
  }

  @Test
  void aFileThatHoldsNoKeyIsNamed(@TempDir Path temp) throws Exception {
    Path key = Files.writeString(temp.resolve("tls.key"), "not a key\n");
    Path cert = Files.writeString(temp.resolve("tls.crt"), "not a certificate\n");

    MainTest.Result result =
        MainTest.run(
            "up", "--once", "--sealing-key", key.toString(), "--sealing-cert", cert.toString());

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("--sealing-key/--sealing-cert").contains(key.toString());
  }
}
