package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathQueryTest {
  private static final JsonNode OBJECT =
      Json.parse(
          "{\"metadata\":{\"name\":\"a\",\"labels\":{\"app.kubernetes.io/name\":\"x\"}},"
              + "\"spec\":{\"size\":3,\"ports\":[{\"port\":80},{\"port\":443}]},"
              + "\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"},"
              + "{\"type\":\"Stalled\",\"status\":\"False\",\"reason\":\"Fine\"}]}}");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        ".metadata.name | a",
        "{.metadata.name} | a",
        ".spec.size | 3",
        ".spec.ports[0].port | 80",
        ".spec.ports[-1].port | 443",
        ".spec.ports[*].port | 80,443",
        ".status.conditions[?(@.type==\"Ready\")].status | True",
        ".status.conditions[?(@.type!=\"Ready\")].type | Stalled",
        ".status.conditions[?(@.reason)].type | Stalled",
        ".metadata.labels['app.kubernetes.io/name'] | x",
        ".spec.missing | ''",
        "..name | ''"
      })
  void findsWhatKubernetesJsonPathFinds(String expression, String expected) {
    List<JsonNode> found = JsonPathQuery.parse(expression).find(OBJECT);

    assertThat(String.join(",", found.stream().map(JsonNode::asText).toList())).isEqualTo(expected);
  }
}
