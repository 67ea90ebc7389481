package dev.cairn.secrets.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretSealer sealer = new SecretSealer(new HybridSealer());
  private final SealedSecretOpener opener = new SealedSecretOpener(new HybridUnsealer());
  private final SealingKey key = TestKeys.pythonKey();

  private static ObjectNode secret(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  private static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSecretSealsIntoASealedSecretThatOpensIntoTheSameSecret() throws Exception {
    ObjectNode secret =
        secret(
            """
            {"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/basic-auth",
             "metadata":{"name":"db","namespace":"team-a","labels":{"app":"db"},
               "uid":"123","resourceVersion":"7",
               "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{leak}","note":"x"}},
             "data":{"password":"%s"},"stringData":{"username":"admin"}}
            """
                .formatted(b64("s3cr3t")));

    ObjectNode sealed = sealer.seal(secret, key.publicKey(), null, null);

    assertThat(sealed.path("apiVersion").asText()).isEqualTo("bitnami.com/v1alpha1");
    assertThat(sealed.path("kind").asText()).isEqualTo("SealedSecret");
    assertThat(sealed.at("/metadata/name").asText()).isEqualTo("db");
    assertThat(sealed.at("/metadata/namespace").asText()).isEqualTo("team-a");
    assertThat(sealed.at("/spec/encryptedData").fieldNames())
        .toIterable()
        .containsExactly("password", "username");
    assertThat(sealed.at("/spec/template/type").asText()).isEqualTo("kubernetes.io/basic-auth");
    assertThat(sealed.at("/spec/template/metadata/labels/app").asText()).isEqualTo("db");
    assertThat(sealed.at("/spec/template/metadata").has("uid")).isFalse();
    assertThat(sealed.toString()).doesNotContain("{leak}", "s3cr3t", "admin");

    ObjectNode opened = opener.open(sealed, List.of(key));

    assertThat(opened.at("/data/password").asText()).isEqualTo(b64("s3cr3t"));
    assertThat(opened.at("/data/username").asText()).isEqualTo(b64("admin"));
    assertThat(opened.at("/metadata/annotations/note").asText()).isEqualTo("x");
    assertThat(opened.at("/type").asText()).isEqualTo("kubernetes.io/basic-auth");
  }

  @Test
  void anImposedScopeAnnotatesBothObjectsAndSetsTheLabel() throws Exception {
    ObjectNode secret =
        secret(
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"a\"},\"stringData\":{\"k\":\"v\"}}");

    ObjectNode sealed =
        sealer.seal(secret, key.publicKey(), SealedSecretScope.NAMESPACE_WIDE, "dev");

    assertThat(
            sealed.at("/metadata/annotations/sealedsecrets.bitnami.com~1namespace-wide").asText())
        .isEqualTo("true");
    assertThat(
            sealed
                .at("/spec/template/metadata/annotations/sealedsecrets.bitnami.com~1namespace-wide")
                .asText())
        .isEqualTo("true");
    assertThat(sealed.at("/metadata/namespace").asText()).isEqualTo("dev");
    byte[] value = Base64.getDecoder().decode(sealed.at("/spec/encryptedData/k").asText());
    assertThat(
            new HybridUnsealer()
                .unseal(List.of(key), "dev".getBytes(StandardCharsets.UTF_8), value))
        .isEqualTo("v".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aStrictSealedSecretRenamedDoesNotOpenAndTheErrorNamesTheKeyButNoValue() throws Exception {
    ObjectNode secret =
        secret(
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"a\",\"namespace\":\"n\"},\"stringData\":{\"token\":\"hunter2\"}}");
    ObjectNode sealed = sealer.seal(secret, key.publicKey(), null, null);
    String ciphertext = sealed.at("/spec/encryptedData/token").asText();
    ((ObjectNode) sealed.get("metadata")).put("name", "b");

    assertThatThrownBy(() -> opener.open(sealed, List.of(key)))
        .isInstanceOf(UnsealException.class)
        .hasMessageStartingWith("SealedSecret n/b: cannot unseal token: no key could decrypt")
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining(ciphertext.substring(0, 40));
  }

  @Test
  void aSecretWithoutNamespaceOrDataIsRefused() throws Exception {
    ObjectNode noNamespace =
        secret(
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"a\"},\"stringData\":{\"k\":\"v\"}}");
    ObjectNode noData =
        secret(
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"a\",\"namespace\":\"n\"}}");

    assertThatThrownBy(() -> sealer.seal(noNamespace, key.publicKey(), null, null))
        .hasMessage("Secret a must declare a namespace (or be sealed cluster-wide)");
    assertThatThrownBy(() -> sealer.seal(noData, key.publicKey(), null, null))
        .hasMessage("Secret a has no data or stringData: nothing to seal");
  }

  @Test
  void templatesAreRefusedRatherThanIgnored() throws Exception {
    ObjectNode sealed =
        secret(
            "{\"apiVersion\":\"bitnami.com/v1alpha1\",\"kind\":\"SealedSecret\",\"metadata\":{\"name\":\"a\",\"namespace\":\"n\"},"
                + "\"spec\":{\"encryptedData\":{},\"template\":{\"data\":{\"url\":\"{{ .token }}\"}}}}");

    assertThatThrownBy(() -> opener.open(sealed, List.of(key)))
        .hasMessage("SealedSecret n/a: spec.template.data (templates) is not supported yet");
  }
}
