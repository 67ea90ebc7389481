package dev.cairn.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  final YamlReader reader = YamlReader.defaults();

  @Test
  void readsEveryDocumentWithItsLineAndSkipsEmptyOnes() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
        ---
        ---
        # only a comment
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: b
        """;
    List<YamlDocument> docs = reader.readAll("app.yaml", text);
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).origin()).isEqualTo(new Origin("app.yaml", 1));
    assertThat(docs.get(1).origin()).isEqualTo(new Origin("app.yaml", 9));
    assertThat(docs.get(1).content().path("kind").asText()).isEqualTo("Secret");
  }

  @Test
  void typesPlainScalarsAsKustomizeDoes() {
    JsonNode doc =
        reader
            .readAll(
                "t.yaml",
                "a: yes\nb: 010\nc: 0x1F\nd: true\ne: ~\nf: 1.5\ng: '1'\nh: 2001-12-14\ni: on\n")
            .get(0)
            .content();
    assertThat(doc.get("a").isTextual()).isTrue();
    assertThat(doc.get("b").asLong()).isEqualTo(8);
    assertThat(doc.get("c").asLong()).isEqualTo(31);
    assertThat(doc.get("d").isBoolean()).isTrue();
    assertThat(doc.get("e").isNull()).isTrue();
    assertThat(doc.get("f").isDouble()).isTrue();
    assertThat(doc.get("g").isTextual()).isTrue();
    assertThat(doc.get("h").asText()).isEqualTo("2001-12-14T00:00:00Z");
    assertThat(doc.get("i").asText()).isEqualTo("on");
  }

  @Test
  void resolvesAnchorsAliasesAndMergeKeys() {
    JsonNode doc =
        reader
            .readAll("t.yaml", "base: &b {x: 1, y: 2}\ncopy: *b\nmerged:\n  <<: *b\n  y: 3\n")
            .get(0)
            .content();
    assertThat(doc.get("copy")).isEqualTo(doc.get("base"));
    assertThat(doc.get("merged").get("x").asInt()).isEqualTo(1);
    assertThat(doc.get("merged").get("y").asInt()).isEqualTo(3);
  }

  @Test
  void aliasesAreCopiesSoChangingOneDoesNotChangeTheOther() {
    JsonNode doc = reader.readAll("t.yaml", "a: &x {k: v}\nb: *x\n").get(0).content();
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("b")).put("k", "changed");
    assertThat(doc.get("a").get("k").asText()).isEqualTo("v");
  }

  @Test
  void malformedYamlNamesFileAndLine() {
    assertThatThrownBy(() -> reader.readAll("bad.yaml", "a: 1\nb: \"unclosed\nc: 2\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("bad.yaml:")
        .hasMessageContaining("invalid YAML");
  }

  @Test
  void badIndentationNamesTheLine() {
    assertThatThrownBy(() -> reader.readAll("bad.yaml", "a:\n  b: 1\n c: 2\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("bad.yaml:3:");
  }

  @Test
  void tabIndentationIsRefusedWithItsLine() {
    assertThatThrownBy(() -> reader.readAll("tabs.yaml", "a:\n\tb: 1\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("tabs.yaml:2:");
  }

  @Test
  void duplicateKeysNameBothLines() {
    assertThatThrownBy(() -> reader.readAll("dup.yaml", "a: 1\nb: 2\na: 3\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessage("dup.yaml:3: mapping key \"a\" already defined at line 1");
  }

  @Test
  void lastKeyWinsReaderKeepsTheLastValueAtTheFirstPlace() {
    var doc =
        reader
            .withDuplicateKeysLastWins()
            .readAll("dup.yaml", "a: 1\nb: {x: 1, x: 2}\na: 3\n")
            .get(0)
            .content();
    assertThat(doc.toString()).isEqualTo("{\"a\":3,\"b\":{\"x\":2}}");
    assertThatThrownBy(() -> reader.readAll("dup.yaml", "a: 1\na: 3\n"))
        .isInstanceOf(ManifestException.class);
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder bomb =
        new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      bomb.append("]\n");
      previous = c;
    }
    assertThatThrownBy(() -> reader.readAll("bomb.yaml", bomb.toString()))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("bomb.yaml:")
        .hasMessageContaining("alias bomb");
  }

  @Test
  void aliasExpansionIsBoundedEvenUnderTheAliasCount() {
    YamlReader strict =
        reader.withLimits(ReadLimits.defaults().withMaxAliases(1000).withMaxExpandedNodes(50));
    String text = "a: &a [1,2,3,4,5,6,7,8,9,10]\nb: [*a, *a, *a, *a, *a, *a]\n";
    assertThatThrownBy(() -> strict.readAll("exp.yaml", text))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("expands to more than 50 nodes");
  }

  @Test
  void documentsOverTheSizeLimitAreRefused() {
    YamlReader small = reader.withLimits(ReadLimits.defaults().withMaxDocumentBytes(100));
    String big = "a: " + "x".repeat(50) + "\nb: " + "y".repeat(50) + "\nc: 1\n";
    assertThatThrownBy(() -> small.readAll("big.yaml", big))
        .isInstanceOf(ManifestException.class)
        .hasMessage("big.yaml:1: document is larger than the limit of 100 bytes");
    assertThat(small.readAll("ok.yaml", "a: 1\n---\nb: 2\n")).hasSize(2);
  }

  @Test
  void deepNestingIsRefusedWithoutOverflowingTheStack() {
    String deep = "[".repeat(20_000) + "]".repeat(20_000);
    assertThatThrownBy(() -> reader.readAll("deep.yaml", deep))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("deep.yaml:1:")
        .hasMessageContaining("nested deeper than the limit of 100 levels");
  }

  @Test
  void readObjectsWantsMappings() {
    assertThatThrownBy(() -> reader.readObjects("list.yaml", "a: 1\n---\n- x\n- y\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessage("list.yaml:3: expected a Kubernetes object (a YAML mapping), found a list");
  }

  @Test
  void infinitiesAreRefusedBecauseJsonCannotHoldThem() {
    assertThatThrownBy(() -> reader.readAll("inf.yaml", "a: 1\nb: .inf\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("inf.yaml:2: unsupported value .inf");
  }

  @Test
  void unknownAliasIsAnError() {
    assertThatThrownBy(() -> reader.readAll("alias.yaml", "a: *nope\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("alias.yaml:1:");
  }

  @Test
  void readObjectsKeepsOrigins() {
    List<KubeObject> objects =
        reader.readObjects(
            "o.yaml", "kind: A\nmetadata: {name: a}\n---\nkind: B\nmetadata: {name: b}\n");
    assertThat(objects)
        .extracting(KubeObject::origin)
        .containsExactly(new Origin("o.yaml", 1), new Origin("o.yaml", 4));
  }
}
