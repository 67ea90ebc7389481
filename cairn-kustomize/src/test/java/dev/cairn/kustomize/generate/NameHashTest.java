package dev.cairn.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class NameHashTest {
  private final ObjectMapper json = new ObjectMapper();

  // Expected suffixes were produced by kubectl kustomize (kustomize v5.5.0) for the same objects.
  @Test
  void configMapWithoutDataHashesNameAndKind() throws Exception {
    ObjectNode cm =
        (ObjectNode)
            json.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"empty\"}}");
    assertThat(NameHash.of(cm)).isEqualTo("6ct58987ht");
  }

  @Test
  void configMapDataAndLabelsDoNotMatterButDataDoes() throws Exception {
    ObjectNode cm =
        (ObjectNode)
            json.readTree(
                "{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"frozen\",\"labels\":{\"x\":\"y\"}},"
                    + "\"data\":{\"k\":\"v\"},\"immutable\":true}");
    assertThat(NameHash.of(cm)).isEqualTo("bdg947hgcc");
    cm.with("data").put("k", "w");
    assertThat(NameHash.of(cm)).isNotEqualTo("bdg947hgcc");
  }

  @Test
  void secretHashIncludesType() throws Exception {
    ObjectNode s =
        (ObjectNode)
            json.readTree(
                "{\"kind\":\"Secret\",\"type\":\"Opaque\",\"metadata\":{\"name\":\"creds\"},"
                    + "\"data\":{\"blob.bin\":\"AAEC//5iaW5hcnk=\",\"password\":\"czNjcjN0\",\"user\":\"YWRtaW4=\"}}");
    assertThat(NameHash.of(s)).isEqualTo("5b4d6247hk");
    s.put("type", "kubernetes.io/tls");
    assertThat(NameHash.of(s)).isNotEqualTo("5b4d6247hk");
  }

  @Test
  void encodingSwapsLookAlikeCharacters() {
    assertThat(NameHash.encode("0137ae9bcdffff")).isEqualTo("ghk7mt9bcd");
  }
}
