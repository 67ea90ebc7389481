package dev.cairn.secrets.sops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files that sops itself encrypted for its published test PGP key (see the README next to them)
 * decrypt, and their MACs verify: the MAC covers every value's bytes in order, so a match means the
 * walk order, the typed values and the additional data are all as sops forms them.
 */
class UpstreamFixturesTest {

  private final SopsDecryptor decryptor =
      new SopsDecryptor(SopsFixtures.upstreamPgpKeys(), SopsOptions.defaults());

  private SopsPlaintext decrypt(String file, SopsFormat format) {
    return decryptor.decrypt(file, SopsFixtures.bytes("upstream/" + file), format);
  }

  @ParameterizedTest
  @CsvSource({
    "format.enc.yaml, YAML, 'foo: bar\n'",
    "format.enc.json, JSON, '{\n  \"foo\" : \"bar\"\n}\n'",
    "format.enc.env, DOTENV, 'foo = bar\n'",
    "format.enc.ini, INI, '[foo]\nbar = baz\n'",
  })
  void eachFormatDecryptsToItsPlaintextInTheSameFormat(
      String file, SopsFormat format, String text) {
    assertThat(new String(decrypt(file, format).bytes(), StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void yamlValuesComeBackTypedAndUnencryptedOnesUntouched() {
    ObjectNode document = decrypt("example.yaml", SopsFormat.YAML).documents().get(0);

    assertThat(document.get("myapp1").asText()).isEqualTo("t00m4nys3cr3tzupdated");
    assertThat(document.at("/app2/db/password").asText()).isEqualTo("c4r1b0u");
    assertThat(document.at("/app2/key").asText()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    assertThat(document.get("number").isDouble()).isTrue();
    assertThat(document.get("number").doubleValue()).isEqualTo(1234568000d);
    assertThat(document.at("/somebooleans/0").isBoolean()).isTrue();
    assertThat(document.at("/somebooleans/1").booleanValue()).isFalse();
    assertThat(document.at("/an_array/3").asText()).isEqualTo("some other value");
    assertThat(document.at("/nested_unencrypted/this/is/all").asText())
        .isEqualTo("going to remain in clear text");
    assertThat(document.has("sops")).isFalse();
  }

  @Test
  void jsonKeepsNumbersListsAndEmptyValues() {
    ObjectNode document = decrypt("example.json", SopsFormat.JSON).documents().get(0);

    assertThat(document.get("age").doubleValue()).isEqualTo(25.4);
    assertThat(document.at("/phoneNumbers/1/number").asText()).isEqualTo("646 555-4567");
    assertThat(document.get("anEmptyValue").asText()).isEmpty();
  }

  @Test
  void iniSectionsAndAnUnencryptedSuffixKeyDecrypt() {
    ObjectNode document = decrypt("example.ini", SopsFormat.INI).documents().get(0);

    assertThat(document.at("/address/city").asText()).isEqualTo("New York");
    assertThat(document.at("/not private/notsecret_unencrypted").asText()).isEqualTo("hi there!");
  }

  @Test
  void aBinaryFileComesBackAsItsBytes() {
    String text =
        new String(decrypt("example.txt", SopsFormat.BINARY).bytes(), StandardCharsets.UTF_8);

    assertThat(text).startsWith("Welcome to SOPS!\n");
  }

  @Test
  void plaintextToStringShowsNoValue() {
    assertThat(decrypt("example.yaml", SopsFormat.YAML).toString())
        .isEqualTo("SopsPlaintext[YAML, 1 documents]")
        .doesNotContain("c4r1b0u");
  }
}
