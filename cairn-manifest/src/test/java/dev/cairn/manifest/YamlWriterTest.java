package dev.cairn.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trees built in code, not read from YAML, print as kustomize would print their JSON. */
class YamlWriterTest {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void numbersOfEveryJacksonTypePrintLikeGo() {
    ObjectNode node = NODES.objectNode();
    node.put("float", 1.0f);
    node.put("double", 2.5);
    node.put("decimal", new BigDecimal("1.50"));
    node.put("big", new BigInteger("18446744073709551615"));
    node.put("int", 7);
    node.put("short", (short) -3);
    assertThat(YamlWriter.write(node))
        .isEqualTo(
            "big: 18446744073709551615\ndecimal: 1.5\ndouble: 2.5\nfloat: 1\nint: 7\nshort: -3\n");
  }

  @Test
  void documentsThatAreNotMappings() {
    assertThat(YamlWriter.write(NODES.textNode("yes"))).isEqualTo("\"yes\"\n");
    assertThat(YamlWriter.write(NODES.arrayNode().add("a").add(1))).isEqualTo("- a\n- 1\n");
    assertThat(YamlWriter.write(NODES.objectNode())).isEqualTo("{}\n");
    assertThat(YamlWriter.write(NODES.nullNode())).isEqualTo("null\n");
  }

  @Test
  void writeAllSeparatesDocumentsAndWritesNothingForNone() {
    ObjectNode a = NODES.objectNode().put("a", 1);
    ObjectNode b = NODES.objectNode().put("b", "x\n");
    assertThat(YamlWriter.writeAll(List.of(a, b))).isEqualTo("a: 1\n---\nb: |\n  x\n");
    assertThat(YamlWriter.writeAll(List.of())).isEmpty();
  }

  @Test
  void writtenTextReadsBackToTheSameTree() {
    ObjectNode node = NODES.objectNode();
    node.put("k".repeat(200), "long key");
    node.put("multi\nkey", "v");
    node.putArray("list").add("- x").add("").add(NODES.objectNode()).add("a: b");
    node.put("text", "trailing  \nspaces and a very long line ".repeat(5));
    String text = YamlWriter.write(node);
    assertThat(YamlReader.defaults().readAll("w.yaml", text).get(0).content()).isEqualTo(node);
  }
}
