package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.YamlReader;
import dev.cairn.secrets.sealed.HybridUnsealer;
import dev.cairn.secrets.sealed.SealedSecretOpener;
import dev.cairn.secrets.sealed.SealingKey;
import dev.cairn.secrets.sealed.SealingKeyGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealCommandTest {

  @TempDir static Path dir;
  static SealingKey key;
  static Path cert;

  @BeforeAll
  static void sealingKey() throws IOException {
    key = SealingKeyGenerator.defaults().withKeyBits(2048).generate();
    cert = Files.writeString(dir.resolve("tls.crt"), key.certificate().pem());
  }

  private static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSecretManifestBecomesASealedSecretThatOpensWithTheKey() throws IOException {
    Path secret =
        Files.writeString(
            dir.resolve("secret.yaml"),
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
              namespace: team-a
            type: Opaque
            data:
              password: %s
            """
                .formatted(b64("s3cr3t")));

    MainTest.Result result =
        MainTest.run("seal", "-f", secret.toString(), "--cert", cert.toString());

    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\n");
    assertThat(result.out()).doesNotContain(b64("s3cr3t"));
    ObjectNode sealed =
        (ObjectNode) YamlReader.defaults().readAll("out", result.out()).get(0).content();
    ObjectNode opened = new SealedSecretOpener(new HybridUnsealer()).open(sealed, List.of(key));
    assertThat(opened.at("/data/password").asText()).isEqualTo(b64("s3cr3t"));
    assertThat(opened.at("/metadata/namespace").asText()).isEqualTo("team-a");
  }

  @Test
  void aRawValueSealsForItsNamespaceAndName() throws IOException {
    Path value = Files.writeString(dir.resolve("value"), "hunter2");

    MainTest.Result result =
        MainTest.run(
            "seal",
            "--raw",
            "--cert",
            cert.toString(),
            "-n",
            "team-a",
            "--name",
            "db",
            "--from-file",
            value.toString());

    assertThat(result.code()).isZero();
    byte[] sealed = Base64.getDecoder().decode(result.out());
    byte[] label = "team-a/db".getBytes(StandardCharsets.UTF_8);
    assertThat(new HybridUnsealer().unseal(List.of(key), label, sealed))
        .isEqualTo("hunter2".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRawValueIsReadFromStdinAndMaySealClusterWide() {
    InputStream stdin = System.in;
    MainTest.Result result;
    try {
      System.setIn(new ByteArrayInputStream("from stdin".getBytes(StandardCharsets.UTF_8)));
      result = MainTest.run("seal", "--raw", "--cert", cert.toString(), "--scope", "cluster-wide");
    } finally {
      System.setIn(stdin);
    }

    assertThat(result.code()).isZero();
    byte[] sealed = Base64.getDecoder().decode(result.out());
    assertThat(new HybridUnsealer().unseal(List.of(key), new byte[0], sealed))
        .isEqualTo("from stdin".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aStrictRawValueWithoutANameIsAUsageError() {
    MainTest.Result result = MainTest.run("seal", "--raw", "--cert", cert.toString(), "-n", "a");

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).startsWith("error: --raw with the strict scope needs --name\n");
  }

  @Test
  void anUnknownScopeIsAUsageError() {
    MainTest.Result result =
        MainTest.run("seal", "--raw", "--cert", cert.toString(), "--scope", "global");

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("--scope: scope 'global' must be one of");
  }

  @Test
  void aMissingCertificateFileIsNamed() {
    MainTest.Result result =
        MainTest.run("seal", "--raw", "--cert", "no/such.crt", "-n", "a", "--name", "b");

    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err()).isEqualTo("error: no/such.crt: no such certificate file\n");
  }

  @Test
  void aMissingManifestIsNamed() {
    MainTest.Result result =
        MainTest.run("seal", "-f", "no/secret.yaml", "--cert", cert.toString());

    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err()).isEqualTo("error: no/secret.yaml: no such file\n");
  }

  @Test
  void aManifestThatIsNoSecretIsRefused() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");

    MainTest.Result result =
        MainTest.run("seal", "-f", config.toString(), "--cert", cert.toString());

    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err()).contains("not a Secret; only Secrets can be sealed");
  }
}
