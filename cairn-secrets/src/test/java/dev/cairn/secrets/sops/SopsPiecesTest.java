package dev.cairn.secrets.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small rules SOPS files are read by, one at a time. */
class SopsPiecesTest {

  @ParameterizedTest
  @CsvSource({
    "1234568000, 1234568000",
    "0.25, 0.25",
    "-1.5, -1.5",
    "1e21, 1000000000000000000000",
    "1e-7, 0.0000001",
    "100, 100",
  })
  void floatsPrintAsGosFormatFloatWithoutExponent(double value, String text) {
    assertThat(MacText.goFloat(value)).isEqualTo(text);
  }

  @Test
  void specialFloatsPrintAsGoPrintsThem() {
    assertThat(MacText.goFloat(Double.NaN)).isEqualTo("NaN");
    assertThat(MacText.goFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(MacText.goFloat(-0.0)).isEqualTo("-0");
  }

  @ParameterizedTest
  @CsvSource({
    "secrets/app.enc.yaml, YAML",
    "a.YML, BINARY",
    "auth/.dockerconfigjson, JSON",
    "config.json, JSON",
    "app.env, DOTENV",
    "settings.ini, INI",
    "tls.crt, BINARY",
    "noextension, BINARY",
  })
  void theFormatFollowsTheExtension(String path, SopsFormat format) {
    assertThat(SopsFormat.forPath(path)).isEqualTo(format);
  }

  @Test
  void encryptedContentIsRecognisedByItsMacMarker() {
    assertThat(SopsFormat.detect(SopsFixtures.bytes("upstream/format.enc.env")))
        .isEqualTo(SopsFormat.DOTENV);
    assertThat(SopsFormat.detect(SopsFixtures.bytes("upstream/format.enc.ini")))
        .isEqualTo(SopsFormat.INI);
    assertThat(SopsFormat.detect(SopsFixtures.bytes("upstream/format.enc.json")))
        .isEqualTo(SopsFormat.JSON);
    assertThat(SopsFormat.detect(SopsFixtures.bytes("upstream/format.enc.yaml")))
        .isEqualTo(SopsFormat.YAML);
    assertThat(SopsFormat.detect("password: hunter2\n".getBytes(StandardCharsets.UTF_8))).isNull();
  }

  @Test
  void aDecryptedFileWritesInAnotherFormat() {
    SopsPlaintext binary =
        new SopsDecryptor(SopsFixtures.upstreamPgpKeys(), SopsOptions.defaults())
            .decrypt("example.txt", SopsFixtures.bytes("upstream/example.txt"), SopsFormat.JSON);

    assertThat(new String(binary.bytes(SopsFormat.BINARY), StandardCharsets.UTF_8))
        .startsWith("Welcome to SOPS!");
    assertThat(new String(binary.bytes(), StandardCharsets.UTF_8)).startsWith("{");
    assertThatThrownBy(() -> binary.bytes(SopsFormat.INI)).isInstanceOf(SopsException.class);
  }

  @Test
  void flatMetadataUnflattensListsAndMaps() {
    Map<String, String> flat = new LinkedHashMap<>();
    flat.put("pgp__list_0__map_fp", "AAA");
    flat.put("pgp__list_0__map_enc", "message");
    flat.put("pgp__list_1__map_fp", "BBB");
    flat.put("lastmodified", "2026-01-01T00:00:00Z");

    ObjectNode metadata = FlatMetadata.unflatten(flat);

    assertThat(metadata.at("/pgp/0/fp").asText()).isEqualTo("AAA");
    assertThat(metadata.at("/pgp/0/enc").asText()).isEqualTo("message");
    assertThat(metadata.at("/pgp/1/fp").asText()).isEqualTo("BBB");
    assertThat(metadata.get("lastmodified").asText()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @ParameterizedTest
  @CsvSource({
    "UNENCRYPTED_SUFFIX, _unencrypted, 'data,password', true",
    "UNENCRYPTED_SUFFIX, _unencrypted, 'list_unencrypted,item', false",
    "ENCRYPTED_SUFFIX, _secret, 'db,password_secret', true",
    "ENCRYPTED_SUFFIX, _secret, 'db,password', false",
    "ENCRYPTED_REGEX, ^(data|stringData)$, 'stringData,password', true",
    "ENCRYPTED_REGEX, ^(data|stringData)$, 'metadata,name', false",
    "UNENCRYPTED_REGEX, ^public, 'public_key', false",
    "UNENCRYPTED_REGEX, key, 'my_key_id', false",
    "UNENCRYPTED_REGEX, key, 'token', true",
  })
  void theRuleLooksAtEveryKeyOnThePath(
      EncryptionRule.Kind kind, String argument, String path, boolean encrypted) {
    assertThat(EncryptionRule.of(kind, argument).encrypts(List.of(path.split(","))))
        .isEqualTo(encrypted);
  }

  @Test
  void twoRulesInOneFileAreRefused() {
    String yaml =
        """
        a: b
        sops:
          lastmodified: "2026-01-01T00:00:00Z"
          mac: ""
          pgp: [{fp: X, enc: y}]
          encrypted_regex: ^data$
          unencrypted_suffix: _plain
        """;

    assertThatThrownBy(
            () ->
                new SopsDecryptor(SopsKeys.none(), SopsOptions.defaults())
                    .decrypt(
                        "two-rules.yaml", yaml.getBytes(StandardCharsets.UTF_8), SopsFormat.YAML))
        .isInstanceOf(SopsException.class)
        .hasMessageStartingWith("two-rules.yaml: the sops metadata names more than one of");
  }

  @Test
  void shamirKeyGroupsAreRefusedByName() {
    String yaml =
        """
        a: b
        sops:
          lastmodified: "2026-01-01T00:00:00Z"
          mac: ""
          shamir_threshold: 2
          key_groups:
          - pgp: [{fp: X, enc: y}]
          - pgp: [{fp: Z, enc: y}]
        """;

    assertThatThrownBy(
            () ->
                new SopsDecryptor(SopsKeys.none(), SopsOptions.defaults())
                    .decrypt("shamir.yaml", yaml.getBytes(StandardCharsets.UTF_8), SopsFormat.YAML))
        .hasMessage(
            "shamir.yaml: the file splits its data key over 2 key groups (Shamir secret sharing),"
                + " which Cairn does not support yet");
  }

  @Test
  void lastModifiedIsReformattedAsGoPrintsRfc3339() {
    String yaml =
        """
        sops:
          lastmodified: "2026-01-01T10:00:00.123456+00:00"
          mac: ""
          age: [{recipient: age1x, enc: y}]
        """;
    SopsMetadata metadata =
        SopsMetadata.of(
            dev.cairn.manifest.YamlReader.defaults()
                .readAll("m", yaml)
                .get(0)
                .content()
                .get("sops"));

    assertThat(metadata.lastModified()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(metadata.keys()).extracting(Object::toString).containsExactly("age age1x");
  }
}
