package dev.cairn.manifest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed input names the file and the line a person should look at. */
class MalformedInputTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unclosed double quote starts on line 2 | a: 1\\nb: "open\\nc: 2\\n        | bad.yaml:2:
          unclosed single quote starts on line 3 | a: 1\\nb: 2\\nc: 'open\\n\\nd: 4\\n | bad.yaml:3:
          dedented key breaks the mapping        | a:\\n  b: 1\\n c: 2\\n             | bad.yaml:3:
          tab used for indentation               | a:\\n\\tb: 1\\n                    | bad.yaml:2:
          unclosed flow sequence                 | a: 1\\nb: [1, 2\\nc: 3\\n          | bad.yaml:3:
          unclosed flow mapping at the end       | kind: A\\na: {b: 1\\n              | bad.yaml:2:
          value where a key belongs              | a: 1\\n  b: 2\\n                   | bad.yaml:2:
          nested mapping on one line             | x: 1\\na: b: c\\n                  | bad.yaml:2:
          list item inside a mapping             | x: 1\\n- a\\n                      | bad.yaml:2:
          unknown escape                         | a: 1\\nb: "\\\\q"\\n               | bad.yaml:2:
          character that cannot start a token    | a: 1\\nb: @x\\n                    | bad.yaml:2:
          unknown alias                          | a: &x 1\\nb: *y\\n                 | bad.yaml:2: unknown anchor 'y'
          duplicate key                          | a: 1\\nb: 2\\na: 3\\n              | bad.yaml:3: mapping key "a" already defined at line 1
          infinity                               | a: 1\\nb: -.inf\\n                 | bad.yaml:2: unsupported value -.inf
          bad !!int                              | a: !!int abc\\n                    | bad.yaml:1: cannot decode "abc" as int
          bad !!binary                           | a: 1\\nb: !!binary "%%%"\\n        | bad.yaml:2: cannot decode !!binary
          sequence tag on a mapping              | a: 1\\nb: !!seq {c: 1}\\n          | bad.yaml:2: tag tag:yaml.org,2002:seq does not fit
          merge of a scalar                      | a: 1\\nb:\\n  <<: x\\n                | bad.yaml:3: map merge requires a mapping
          error in a later document              | a: 1\\n---\\nb: 2\\n---\\nc: [\\n   | bad.yaml:5:
          """)
  void namesFileAndLine(String what, String text, String expectedStart) {
    String yaml = text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    assertThatThrownBy(() -> YamlReader.defaults().readAll("bad.yaml", yaml))
        .as(what)
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(expectedStart)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((ManifestException) e).origin().file())
                    .isEqualTo("bad.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a list                       | kind: A\\n---\\n- x\\n- y\\n | o.yaml:3: expected a Kubernetes object (a YAML mapping), found a list
          a scalar                     | kind: A\\n---\\njust text\\n | o.yaml:3: expected a Kubernetes object (a YAML mapping), found the scalar 'just text'
          a number                     | 42\\n                       | o.yaml:1: expected a Kubernetes object (a YAML mapping), found the scalar '42'
          """)
  void readObjectsRefusesDocumentsThatAreNotMappings(String what, String text, String message) {
    assertThatThrownBy(() -> YamlReader.defaults().readObjects("o.yaml", text.replace("\\n", "\n")))
        .as(what)
        .isInstanceOf(ManifestException.class)
        .hasMessage(message);
  }
}
