package dev.cairn.secrets.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What sops refuses, Cairn refuses: altered values, moved values, a missing or wrong key. */
class TamperTest {

  private final String example =
      new String(SopsFixtures.bytes("upstream/example.yaml"), StandardCharsets.UTF_8);

  private SopsPlaintext decrypt(String text, SopsOptions options) {
    return new SopsDecryptor(SopsFixtures.upstreamPgpKeys(), options)
        .decrypt("secrets/example.yaml", text.getBytes(StandardCharsets.UTF_8), SopsFormat.YAML);
  }

  @Test
  void anAlteredUnencryptedValueFailsOnTheMac() {
    String altered =
        example.replace("all: going to remain in clear text", "all: changed in Git by someone");

    assertThatThrownBy(() -> decrypt(altered, SopsOptions.defaults()))
        .isInstanceOf(SopsException.class)
        .hasMessage(
            "secrets/example.yaml: the MAC does not match the values: the file was altered after"
                + " SOPS wrote it");
  }

  @Test
  void withoutMacVerificationTheAlteredFileDecrypts() {
    String altered =
        example.replace("all: going to remain in clear text", "all: changed in Git by someone");

    SopsPlaintext plaintext = decrypt(altered, SopsOptions.defaults().withVerifyMac(false));

    assertThat(plaintext.documents().get(0).at("/nested_unencrypted/this/is/all").asText())
        .isEqualTo("changed in Git by someone");
  }

  @Test
  void anEncryptedValueMovedToAnotherKeyFailsNamingItsPath() {
    Matcher user = Pattern.compile("user: (ENC\\[[^\\]]+\\])").matcher(example);
    Matcher password = Pattern.compile("password: (ENC\\[[^\\]]+\\])").matcher(example);
    assertThat(user.find() && password.find()).isTrue();
    String swapped =
        example
            .replace(password.group(1), "PASSWORD")
            .replace(user.group(1), password.group(1))
            .replace("PASSWORD", user.group(1));

    assertThatThrownBy(() -> decrypt(swapped, SopsOptions.defaults()))
        .isInstanceOf(SopsException.class)
        .hasMessage(
            "secrets/example.yaml: app2.db.user: cannot decrypt the value (wrong data key, moved or"
                + " tampered value)");
  }

  @Test
  void anAlteredLastModifiedFailsOnTheMac() {
    String altered =
        example.replace(
            "lastmodified: \"2025-08-06T18:55:05Z\"", "lastmodified: \"2025-08-06T18:55:06Z\"");

    assertThatThrownBy(() -> decrypt(altered, SopsOptions.defaults()))
        .hasMessageContaining("cannot decrypt sops.mac");
  }

  @Test
  void withoutAMatchingKeyTheErrorNamesTheFileKeysAndWhatWasTried() {
    SopsDecryptor noKeys = new SopsDecryptor(SopsKeys.none(), SopsOptions.defaults());

    assertThatThrownBy(
            () ->
                noKeys.decrypt(
                    "secrets/example.yaml",
                    example.getBytes(StandardCharsets.UTF_8),
                    SopsFormat.YAML))
        .isInstanceOf(SopsException.class)
        .hasMessage(
            "secrets/example.yaml: no key opens the data key; the file is for pgp"
                + " FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4, pgp"
                + " D7229043384BCC60326C6FB9D8720D957C3D3074; have 0 age identities and 0 PGP keys");
  }

  @Test
  void aFileWithoutSopsMetadataIsNamedAsNotEncrypted() {
    assertThatThrownBy(() -> decrypt("a: b\n", SopsOptions.defaults()))
        .hasMessage("secrets/example.yaml: no sops metadata: the file is not encrypted with SOPS");
  }

  @Test
  void aFileOverTheSizeLimitIsRefused() {
    assertThatThrownBy(() -> decrypt(example, SopsOptions.defaults().withMaxFileBytes(100)))
        .hasMessageStartingWith("secrets/example.yaml: " + example.length() + " bytes is over");
  }
}
