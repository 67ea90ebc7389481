package dev.cairn.secrets.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Cairn seals, sealed_vectors.py (python3-cryptography) unseals. Runs when {@code
 * /usr/bin/python3} can import cryptography (Debian: python3-cryptography).
 */
class PythonUnsealsJavaIT {

  private static final String PYTHON = "/usr/bin/python3";
  private static Path resources;

  @TempDir Path work;

  @BeforeAll
  static void needsPythonCryptography() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
    assumeTrue(
        run(List.of(PYTHON, "-c", "import cryptography")).exitCode() == 0,
        "python3-cryptography is not installed");
    resources =
        Path.of(PythonUnsealsJavaIT.class.getResource("/sealed/sealed_vectors.py").toURI())
            .getParent();
  }

  @Test
  void pythonUnsealsEveryScopeCairnSeals() throws Exception {
    Path vectors = writeVectors(false);

    Result result = runScript(vectors);

    assertThat(result.output()).contains("unsealed 4 values");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void pythonNoticesAValueSealedForAnotherName() throws Exception {
    Path vectors = writeVectors(true);

    Result result = runScript(vectors);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("case 3: cannot unseal");
  }

  private Path writeVectors(boolean lastForAnotherName) throws IOException {
    HybridSealer sealer = new HybridSealer();
    var publicKey = TestKeys.pythonKey().publicKey();
    ArrayNode cases = new ObjectMapper().createArrayNode();
    String[][] inputs = {
      {"strict", "team-a", "db", "s3cr3t"},
      {"namespace-wide", "team-a", "any", "namespace value"},
      {"cluster-wide", "x", "y", "cluster value"},
      {"strict", "default", "unicode", "caf\u00e9 \u2615\n"},
    };
    for (int i = 0; i < inputs.length; i++) {
      String[] input = inputs[i];
      SealedSecretScope scope = SealedSecretScope.parse(input[0]);
      String sealedFor = lastForAnotherName && i == inputs.length - 1 ? "other" : input[2];
      byte[] plaintext = input[3].getBytes(StandardCharsets.UTF_8);
      byte[] sealed = sealer.seal(publicKey, scope.label(input[1], sealedFor), plaintext);
      ObjectNode node = cases.addObject();
      node.put("scope", input[0]);
      node.put("namespace", input[1]);
      node.put("name", input[2]);
      node.put("plaintext", Base64.getEncoder().encodeToString(plaintext));
      node.put("sealed", Base64.getEncoder().encodeToString(sealed));
    }
    Path file = work.resolve("java-vectors.json");
    Files.writeString(file, cases.toPrettyString());
    return file;
  }

  private Result runScript(Path vectors) throws Exception {
    return run(
        List.of(
            PYTHON,
            resources.resolve("sealed_vectors.py").toString(),
            "unseal",
            resources.resolve("key").toString(),
            vectors.toString()));
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    return new Result(process.exitValue(), output);
  }
}
