package dev.cairn.secrets.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Files written by make_fixtures.py: values and MAC by python3-cryptography, the data key by the
 * age CLI for a committed test identity. A second implementation of the format, apart from sops's
 * own files, and the age layer in every build.
 */
class AgeFixturesTest {

  private final SopsKeys keys =
      SopsKeys.fromSecretData(
          "flux-system/sops-age",
          Map.of(
              "identity.agekey", SopsFixtures.bytes("age/identity.agekey"),
              "README", "ignored".getBytes(StandardCharsets.UTF_8)));
  private final SopsDecryptor decryptor = new SopsDecryptor(keys, SopsOptions.defaults());

  @ParameterizedTest
  @EnumSource(
      value = SopsFormat.class,
      names = {"JSON", "YAML"})
  void anEncryptedRegexSecretDecryptsWithTypedValues(SopsFormat format) {
    ObjectNode secret =
        decryptor
            .decrypt("secret.enc.json", SopsFixtures.bytes("age/secret.enc.json"), format)
            .documents()
            .get(0);

    assertThat(secret.at("/stringData/password").asText()).isEqualTo("s3cr3t");
    assertThat(secret.at("/stringData/port").isIntegralNumber()).isTrue();
    assertThat(secret.at("/stringData/port").longValue()).isEqualTo(5432);
    assertThat(secret.at("/stringData/ratio").doubleValue()).isEqualTo(0.25);
    assertThat(secret.at("/stringData/tls").booleanValue()).isTrue();
    assertThat(secret.at("/data/token").asText()).isEqualTo("aHVudGVyMg==");
    assertThat(secret.at("/metadata/namespace").asText()).isEqualTo("team-a");
  }

  @Test
  void anUnencryptedValueIsCoveredByTheMac() {
    String text = new String(SopsFixtures.bytes("age/secret.enc.json"), StandardCharsets.UTF_8);
    String moved = text.replace("\"namespace\": \"team-a\"", "\"namespace\": \"team-b\"");

    assertThatThrownBy(
            () ->
                decryptor.decrypt(
                    "secret.enc.json", moved.getBytes(StandardCharsets.UTF_8), SopsFormat.JSON))
        .hasMessageContaining("the MAC does not match");
  }

  @Test
  void withMacOnlyEncryptedAnUnencryptedValueMayChange() {
    String text = new String(SopsFixtures.bytes("age/mac-only.enc.json"), StandardCharsets.UTF_8);
    String changed =
        text.replace("\"left alone\"", "\"changed\"").replace("\"replicas\": 3", "\"replicas\": 5");

    ObjectNode config =
        decryptor
            .decrypt("mac-only.enc.json", changed.getBytes(StandardCharsets.UTF_8), SopsFormat.JSON)
            .documents()
            .get(0);

    assertThat(config.at("/database/password").asText()).isEqualTo("pa55");
    assertThat(config.at("/database/hosts/1").asText()).isEqualTo("b");
    assertThat(config.get("comment_unencrypted").asText()).isEqualTo("changed");
  }

  @Test
  void keysShowOnlyCounts() {
    assertThat(keys.toString()).isEqualTo("SopsKeys[age=1, pgp=0]");
  }

  @Test
  void aMalformedAgeIdentityIsRefusedNamingTheSecretEntryAndLine() {
    assertThatThrownBy(
            () ->
                SopsKeys.fromSecretData(
                    "flux-system/sops-age",
                    Map.of(
                        "bad.agekey",
                        "# comment\nAGE-SECRET-KEY-1NOTVALID\n".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flux-system/sops-age[bad.agekey]:2: malformed age identity");
  }
}
