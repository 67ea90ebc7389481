package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The copy the store keeps is the tree the JSON parser would give for the object's JSON. */
class ParsedFormTest {

  @Test
  void numbersTakeTheKindTheParserGivesThem() {
    ObjectNode object = Json.MAPPER.createObjectNode();
    object.put("smallLong", 3L).put("bigLong", 12_345_678_901L).put("short", (short) 7);
    object.put("smallBig", BigInteger.valueOf(5)).put("longBig", BigInteger.valueOf(1L << 40));
    object.put("hugeBig", new BigInteger("123456789012345678901234567890"));
    object.put("float", 0.1f).put("double", 0.1).put("nan", Double.NaN);
    object.put("decimal", new BigDecimal("1.50")).put("integralDecimal", new BigDecimal("15"));
    ArrayNode list = object.putObject("spec").put("on", true).putNull("none").putArray("list");
    list.add(1L).add("two").addObject().put("three", 3.0).putArray("empty");
    object.put("binary", new byte[] {1, 2, 3});

    ObjectNode copy = ParsedForm.of(object);

    JsonNode parsed = Json.parse(Json.write(object));
    assertSameKinds(copy, parsed);
    assertThat(Json.write(copy)).isEqualTo(Json.write(parsed));
  }

  @Test
  void theCopySharesNoContainerWithTheOriginal() {
    ObjectNode object = Json.MAPPER.createObjectNode();
    object.putObject("metadata").put("name", "a").putObject("labels").put("x", "1");

    ObjectNode copy = ParsedForm.of(object);
    object.with("metadata").with("labels").put("x", "2");

    assertThat(copy.path("metadata").path("labels").path("x").asText()).isEqualTo("1");
  }

  /** Equal values of the same node classes, fields in the same order. */
  private static void assertSameKinds(JsonNode actual, JsonNode expected) {
    assertThat(actual.getClass()).as(expected.toString()).isEqualTo(expected.getClass());
    assertThat(actual).isEqualTo(expected);
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> a = actual.fields();
      Iterator<Map.Entry<String, JsonNode>> e = expected.fields();
      while (e.hasNext()) {
        Map.Entry<String, JsonNode> x = a.next();
        Map.Entry<String, JsonNode> y = e.next();
        assertThat(x.getKey()).isEqualTo(y.getKey());
        assertSameKinds(x.getValue(), y.getValue());
      }
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSameKinds(actual.get(i), expected.get(i));
      }
    }
  }
}
