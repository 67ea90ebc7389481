package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\","
            + "\"labels\":{\"x\":\"\"}},\"data\":{\"k\":\"caf\\u00e9 \\\"q\\\"\\n\"}}",
        "  {\"spec\":{\"replicas\":3,\"ratio\":0.5,\"big\":12345678901,\"on\":true,"
            + "\"none\":null,\"list\":[1,\"two\",{\"three\":[]}]}}\n",
        "{\"a\":1,\"a\":2}"
      })
  void anApplyBodyInJsonGivesTheTreeTheYamlParserGives(String body) throws Exception {
    JsonNode expected = YAML.readTree(body);

    assertThat(Json.parseObject(body, true)).isEqualTo(expected);
  }

  @Test
  void yamlFlowStyleThatIsNotJsonIsStillReadAsYaml() {
    assertThat(Json.parseObject("{a: 1, b: [x]}", true))
        .isEqualTo(Json.parse("{\"a\":1,\"b\":[\"x\"]}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":1} {\"b\":2}", "{\"a\":1}\n---\n{\"b\":2}", "{\"a\":"})
  void aBodyTheJsonParserRefusesIsAnsweredAsTheYamlParserAnswersIt(String body) {
    JsonNode yaml;
    try {
      yaml = YAML.readTree(body);
    } catch (Exception refused) {
      yaml = null;
    }
    if (yaml == null || !yaml.isObject()) {
      assertThatThrownBy(() -> Json.parseObject(body, true))
          .isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(400));
    } else {
      assertThat(Json.parseObject(body, true)).isEqualTo(yaml);
    }
  }
}
