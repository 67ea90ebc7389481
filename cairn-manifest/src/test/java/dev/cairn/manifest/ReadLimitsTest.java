package dev.cairn.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadLimitsTest {

  @Test
  void withersChangeOneLimitEach() {
    ReadLimits limits =
        ReadLimits.defaults()
            .withMaxDocumentBytes(10)
            .withMaxDepth(3)
            .withMaxAliases(2)
            .withMaxExpandedNodes(7);
    assertThat(limits).isEqualTo(new ReadLimits(10, 3, 2, 7));
    assertThat(ReadLimits.defaults().maxDepth()).isEqualTo(100);
    assertThat(new ReadLimits(10, 3, 2).maxExpandedNodes())
        .isEqualTo(ReadLimits.defaults().maxExpandedNodes());
  }

  @Test
  void nonPositiveLimitsAreRefused() {
    assertThatThrownBy(() -> ReadLimits.defaults().withMaxDepth(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReadLimits.defaults().withMaxAliases(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ReadLimits.defaults().withMaxAliases(0).maxAliases()).isZero();
  }

  @Test
  void depthAtTheLimitIsReadAndOneMoreLevelIsRefusedAtItsLine() {
    YamlReader reader = YamlReader.defaults().withLimits(ReadLimits.defaults().withMaxDepth(3));
    assertThat(reader.readAll("d.yaml", "a:\n  b:\n    c: 1\n")).hasSize(1);
    assertThatThrownBy(() -> reader.readAll("d.yaml", "a:\n  b:\n    c:\n      d: 1\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessage("d.yaml:4: YAML nested deeper than the limit of 3 levels");
  }

  @Test
  void aliasCountIsPerDocumentAndTheFirstAliasOverTheLimitIsNamed() {
    YamlReader reader = YamlReader.defaults().withLimits(ReadLimits.defaults().withMaxAliases(2));
    String two = "a: &x 1\nb: *x\nc: *x\n";
    assertThat(reader.readAll("a.yaml", two + "---\n" + two)).hasSize(2);
    assertThatThrownBy(() -> reader.readAll("a.yaml", two + "d: *x\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessage("a.yaml:4: document uses more than 2 aliases (alias bomb?)");
  }

  @Test
  void expandedNodesAreCountedThroughNestedAliases() {
    YamlReader reader =
        YamlReader.defaults().withLimits(ReadLimits.defaults().withMaxExpandedNodes(20));
    String text = "a: &a [1, 2, 3]\nb: &b [*a, *a]\nc: [*b, *b]\n";
    assertThatThrownBy(() -> reader.readAll("n.yaml", text))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "n.yaml:3: document expands to more than 20 nodes through aliases (alias bomb?)");
  }

  @Test
  void sizeIsCheckedPerDocumentAndNamesTheDocumentsFirstLine() {
    YamlReader reader =
        YamlReader.defaults().withLimits(ReadLimits.defaults().withMaxDocumentBytes(30));
    String small = "a: 1\nb: 2\n";
    assertThat(reader.readAll("s.yaml", small + "---\n" + small + "---\n" + small)).hasSize(3);
    String big = "a: 1\n---\nk1: aaaaaaaaaa\nk2: bbbbbbbbbb\nk3: cccccccccc\n";
    assertThatThrownBy(() -> reader.readAll("s.yaml", big))
        .isInstanceOf(ManifestException.class)
        .hasMessage("s.yaml:3: document is larger than the limit of 30 bytes");
    String oneBigScalar = "a: 1\n---\nb: |\n  " + "y".repeat(100) + "\n---\nc: 1\n";
    assertThatThrownBy(() -> reader.readAll("s.yaml", oneBigScalar))
        .isInstanceOf(ManifestException.class)
        .hasMessage("s.yaml:3: document is larger than the limit of 30 bytes");
  }

  @Test
  void fineAnchorsStillResolveUnderTheDefaultLimits() {
    StringBuilder text = new StringBuilder("base: &b {x: 1}\n");
    for (int i = 0; i < 100; i++) {
      text.append("k").append(i).append(": *b\n");
    }
    var doc = YamlReader.defaults().readAll("ok.yaml", text.toString()).get(0).content();
    assertThat(doc.get("k99").get("x").asInt()).isEqualTo(1);
  }
}
