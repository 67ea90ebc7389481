package dev.cairn.secrets.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.exceptionfactory.jagged.framework.armor.ArmoredEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The age layer against the age CLI (Debian's {@code age}): a data key the CLI encrypts opens with
 * Cairn's identities, and what Cairn's age library encrypts the CLI decrypts. Runs when {@code
 * /usr/bin/age} and {@code /usr/bin/age-keygen} are installed.
 */
class AgeCliIT {

  private static final Path AGE = Path.of("/usr/bin/age");
  private static final Path AGE_KEYGEN = Path.of("/usr/bin/age-keygen");

  @TempDir static Path work;
  private static Path identityFile;
  private static String recipient;

  @BeforeAll
  static void generateIdentity() throws Exception {
    assumeTrue(Files.isExecutable(AGE) && Files.isExecutable(AGE_KEYGEN), "no age CLI");
    identityFile = work.resolve("identity.agekey");
    run(List.of(AGE_KEYGEN.toString(), "-o", identityFile.toString()), new byte[0]);
    recipient =
        new String(
                run(List.of(AGE_KEYGEN.toString(), "-y", identityFile.toString()), new byte[0]),
                StandardCharsets.US_ASCII)
            .strip();
  }

  @Test
  void aDataKeyTheCliEncryptsOpensWithTheIdentityFile() throws Exception {
    byte[] dataKey = randomKey();
    String armored =
        new String(
            run(List.of(AGE.toString(), "-a", "-r", recipient), dataKey),
            StandardCharsets.US_ASCII);

    AgeIdentities identities =
        AgeIdentities.none().with("identity.agekey", Files.readString(identityFile));

    assertThat(identities.decrypt(armored)).isEqualTo(dataKey);
  }

  @Test
  void whatCairnsAgeLibraryEncryptsTheCliDecrypts() throws Exception {
    byte[] dataKey = randomKey();
    ByteArrayOutputStream armored = new ByteArrayOutputStream();
    try (WritableByteChannel channel =
        new ArmoredEncryptingChannelFactory()
            .newEncryptingChannel(
                Channels.newChannel(armored),
                List.of(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient)))) {
      channel.write(java.nio.ByteBuffer.wrap(dataKey));
    }

    byte[] decrypted =
        run(List.of(AGE.toString(), "-d", "-i", identityFile.toString()), armored.toByteArray());

    assertThat(decrypted).isEqualTo(dataKey);
  }

  @Test
  void aSopsSecretWhoseDataKeyTheCliEncryptedDecryptsWithAnAgekeySecretEntry() throws Exception {
    byte[] dataKey = randomKey();
    String armored =
        new String(
            run(List.of(AGE.toString(), "-a", "-r", recipient), dataKey),
            StandardCharsets.US_ASCII);
    ObjectNode secret =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\"},"
                        + "\"stringData\":{\"password\":\"s3cr3t\"}}");
    ObjectNode encrypted =
        SopsTestWriter.encrypt(secret, dataKey, "2026-12-06T10:00:00Z", "^(data|stringData)$");
    ObjectNode age = ((ObjectNode) encrypted.get("sops")).putArray("age").addObject();
    age.put("recipient", recipient);
    age.put("enc", armored);
    SopsKeys keys =
        SopsKeys.fromSecretData(
            "flux-system/sops-age", Map.of("identity.agekey", Files.readAllBytes(identityFile)));

    SopsPlaintext plaintext =
        new SopsDecryptor(keys, SopsOptions.defaults())
            .decrypt(
                "secret.enc.yaml",
                encrypted.toString().getBytes(StandardCharsets.UTF_8),
                SopsFormat.YAML);

    assertThat(plaintext.documents().get(0).at("/stringData/password").asText())
        .isEqualTo("s3cr3t");
    assertThat(plaintext.documents().get(0).at("/metadata/name").asText()).isEqualTo("db");
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private static byte[] run(List<String> command, byte[] input)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).start();
    try (var stdin = process.getOutputStream()) {
      stdin.write(input);
    }
    byte[] output = process.getInputStream().readAllBytes();
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(command.get(0) + " failed: " + errors);
    }
    return output;
  }
}
