package dev.cairn.server.dashboard.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkupTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<script>alert(1)</script>|&lt;script&gt;alert(1)&lt;/script&gt;",
        "a & b|a &amp; b",
        "\" onmouseover=\"x|&quot; onmouseover=&quot;x",
        "it's|it&#39;s",
        "plain|plain"
      })
  void escapesTextAndAttributes(String raw, String escaped) {
    assertThat(Markup.escape(raw)).isEqualTo(escaped);
    assertThat(new Markup().element("td", raw, "title", raw).toString())
        .isEqualTo("<td title=\"" + escaped + "\">" + escaped + "</td>");
  }

  @Test
  void leavesOutNullAttributesAndRefusesOddOnes() {
    assertThat(new Markup().empty("option", "selected", null, "value", "x").toString())
        .isEqualTo("<option value=\"x\">");
    assertThatThrownBy(() -> new Markup().open("a", "href"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
