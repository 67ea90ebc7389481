package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.diff("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
  }

  @Test
  void oneChangedLineWithContext() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

    assertThat(UnifiedDiff.diff("live", before, "desired", after))
        .isEqualTo(
            """
            --- live
            +++ desired
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8
            """);
  }

  @Test
  void distantChangesMakeSeparateHunks() {
    StringBuilder before = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      before.append(i).append('\n');
    }
    String after = before.toString().replace("\n2\n", "\ntwo\n").replace("\n19\n", "\nnineteen\n");

    String diff = UnifiedDiff.diff("a", before.toString(), "b", after);

    assertThat(diff.lines().filter(l -> l.startsWith("@@"))).hasSize(2);
    assertThat(diff).contains("@@ -1,5 +1,5 @@").contains("@@ -16,5 +16,5 @@");
  }

  @Test
  void fromNothingEveryLineIsAdded() {
    assertThat(UnifiedDiff.diff("/dev/null", "", "new", "a\nb\n"))
        .isEqualTo("--- /dev/null\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  }
}
