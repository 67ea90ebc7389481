package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator answers an object whose schema content it checked last (unchanged) without walking
 * the schema again; every answer is the one a fresh validator gives.
 */
class SchemaObjectValidatorTest {
  private static final JsonNode SCHEMA =
      Json.parse(
          """
          {"type":"object","properties":{
            "spec":{"type":"object","required":["url"],"properties":{
              "url":{"type":"string","pattern":"^https://"},
              "interval":{"type":"string","default":"1m"},
              "mode":{"type":"string","enum":["a","b"]}}},
            "status":{"type":"object","properties":{"phase":{"type":"string"}}}}}
          """);

  private final SchemaObjectValidator validator = new SchemaObjectValidator();

  private static ObjectNode widget(String name, String spec) {
    ObjectNode object = (ObjectNode) Json.parse("{\"spec\":" + spec + "}");
    ObjectNode result = Json.MAPPER.createObjectNode().put("apiVersion", "x.dev/v1");
    result.put("kind", "Widget").putObject("metadata").put("name", name);
    result.setAll(object);
    return result;
  }

  private ObjectValidator.Checked check(JsonNode object) {
    return validator.check("x.dev/v1", "Widget", SCHEMA, object);
  }

  private static ObjectValidator.Checked fresh(JsonNode object) {
    return new SchemaObjectValidator().check("x.dev/v1", "Widget", SCHEMA, object.deepCopy());
  }

  @Test
  void anUnchangedObjectComesBackItselfAndIsCheckedAgainOnceTheCallerChangesIt() {
    ObjectNode object = widget("a", "{\"url\":\"https://x\",\"interval\":\"5m\"}");

    ObjectValidator.Checked first = check(object);
    ((ObjectNode) object.get("spec")).put("colour", "red").put("url", "http://x");
    ObjectValidator.Checked second = check(object);

    assertThat(first.object()).isSameAs(object);
    assertThat(first.errors()).isEmpty();
    assertThat(second.prunedFields()).containsExactly("spec.colour");
    assertThat(second.object().path("spec").has("colour")).isFalse();
    assertThat(second.errors())
        .containsExactly(
            "spec.url: Invalid value: \"http://x\": spec.url in body should match '^https://'");
  }

  @Test
  void anObjectDifferingOnlyInMetadataGetsTheSameErrors() {
    ObjectNode object = widget("a", "{\"url\":\"http://x\",\"interval\":\"5m\",\"mode\":\"c\"}");
    ObjectNode other = object.deepCopy();
    other.with("metadata").put("name", "b").putArray("managedFields").addObject();

    List<String> first = check(object).errors();
    ObjectValidator.Checked second = check(other);

    assertThat(first).hasSize(2);
    assertThat(second.errors()).isEqualTo(first).isEqualTo(fresh(other).errors());
    assertThat(second.object()).isSameAs(other);
  }

  @Test
  void defaultsAndPruningApplyEveryTime() {
    ObjectNode object = widget("a", "{\"url\":\"https://x\",\"colour\":\"red\"}");

    ObjectValidator.Checked first = check(object);
    ObjectValidator.Checked second = check(object);

    for (ObjectValidator.Checked checked : List.of(first, second)) {
      assertThat(checked.object().path("spec").path("interval").asText()).isEqualTo("1m");
      assertThat(checked.prunedFields()).containsExactly("spec.colour");
      assertThat(checked.object()).isNotSameAs(object);
    }
    assertThat(object.path("spec").has("interval")).isFalse();
  }

  @Test
  void everyAnswerInASequenceIsAFreshValidatorsAnswer() {
    List<ObjectNode> sequence = new ArrayList<>();
    sequence.add(widget("a", "{\"url\":\"http://x\",\"interval\":\"5m\",\"mode\":\"c\"}"));
    sequence.add(widget("b", "{\"mode\":\"c\",\"url\":\"http://x\",\"interval\":\"5m\"}"));
    sequence.add(widget("b", "{\"mode\":\"a\",\"url\":\"http://x\",\"interval\":\"5m\"}"));
    sequence.add(widget("b", "{\"mode\":\"a\",\"url\":\"https://x\",\"interval\":\"5m\"}"));
    sequence.add(widget("c", "{\"mode\":\"a\",\"url\":\"https://x\",\"interval\":null}"));
    sequence.add(widget("c", "{\"mode\":\"a\",\"url\":\"https://x\",\"interval\":\"5m\"}"));
    ObjectNode noMetadata = widget("d", "{\"mode\":\"a\",\"url\":\"https://x\"}");
    noMetadata.putNull("metadata");
    sequence.add(noMetadata);
    ObjectNode withStatus = widget("e", "{\"url\":\"https://x\",\"interval\":\"5m\"}");
    withStatus.putObject("status").put("phase", 3);
    sequence.add(withStatus);
    sequence.add(withStatus.deepCopy().put("kind", "Gadget"));

    for (ObjectNode object : sequence) {
      ObjectValidator.Checked expected = fresh(object);
      ObjectValidator.Checked actual = check(object);

      assertThat(actual.errors()).as(object.toString()).isEqualTo(expected.errors());
      assertThat(actual.prunedFields()).isEqualTo(expected.prunedFields());
      assertThat(Json.write(actual.object())).isEqualTo(Json.write(expected.object()));
    }
  }
}
