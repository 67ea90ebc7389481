package dev.cairn.engine.argo.appset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argo CD's fasttemplate rules: trimmed tags, unknown tags kept, keys rendered too. */
class FastTemplateTest {
  private static final Map<String, Object> PARAMS =
      Map.of("path.basename", "guestbook", "path[1]", "apps", "values.x", "1");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{{path.basename}}|guestbook",
        "{{ path.basename }}-{{path[1]}}|guestbook-apps",
        "{{values.x}}{{values.x}}|11",
        "{{unknown}}|{{unknown}}",
        "{{ unknown }} {{path.basename}}|{{ unknown }} guestbook",
        "{{}}|{{}}",
        "open {{path.basename|open {{path.basename",
        "plain|plain"
      })
  void rendersLikeArgoCd(String template, String expected) {
    assertThat(FastTemplate.render(template, PARAMS)).isEqualTo(expected);
  }

  @Test
  void keysAndNestedValuesAreRendered() throws Exception {
    JsonNode tree =
        new ObjectMapper()
            .readTree(
                "{\"labels\":{\"{{path[1]}}\":\"{{path.basename}}\"},\"list\":[\"{{values.x}}\",2]}");

    JsonNode rendered = new FastTemplate().render(tree, PARAMS);

    assertThat(rendered.toString())
        .isEqualTo("{\"labels\":{\"apps\":\"guestbook\"},\"list\":[\"1\",2]}");
  }
}
