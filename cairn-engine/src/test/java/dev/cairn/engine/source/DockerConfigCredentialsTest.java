package dev.cairn.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.helm.HelmCredentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerConfigCredentialsTest {
  private static String auth(String userPassword) {
    return Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "registry.example.com:5000",
        "https://registry.example.com:5000/v1/",
        "REGISTRY.example.com:5000"
      })
  void findsTheEntryForTheHostWhateverTheKeySpelling(String key) {
    String json =
        "{\"auths\":{\"other.io\":{\"auth\":\""
            + auth("x:y")
            + "\"},\""
            + key
            + "\":{\"auth\":\""
            + auth("robot:pa:ss")
            + "\"}}}";

    HelmCredentials credentials =
        DockerConfigCredentials.forHost(json, "registry.example.com:5000");

    assertThat(credentials.username()).isEqualTo("robot");
    assertThat(credentials.password()).isEqualTo("pa:ss");
  }

  @Test
  void usernameAndPasswordFieldsWorkAndAnUnknownHostIsAnonymous() {
    String json = "{\"auths\":{\"ghcr.io\":{\"username\":\"u\",\"password\":\"p\"}}}";

    assertThat(DockerConfigCredentials.forHost(json, "ghcr.io").username()).isEqualTo("u");
    assertThat(DockerConfigCredentials.forHost(json, "quay.io").present()).isFalse();
  }

  @Test
  void invalidDocumentsAreNamedWithoutQuotingThem() {
    assertThatThrownBy(() -> DockerConfigCredentials.forHost("{not json s3cret", "h"))
        .hasMessage("'.dockerconfigjson' is not valid JSON");
    assertThatThrownBy(
            () -> DockerConfigCredentials.forHost("{\"auths\":{\"h\":{\"auth\":\"%%%\"}}}", "h"))
        .hasMessageContaining("not base64")
        .hasMessageNotContaining("%%%");
  }
}
