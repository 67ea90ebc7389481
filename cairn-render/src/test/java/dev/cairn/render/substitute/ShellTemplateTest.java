package dev.cairn.render.substitute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellTemplateTest {
  private static final Map<String, String> VARS =
      Map.of(
          "name", "podinfo",
          "empty", "",
          "mixed", "abcdEFGH28ij",
          "upper", "ABCDEFGH28IJ",
          "path", "/home/bozo/ideas/thoughts.for.today",
          "file", "bash.string.txt",
          "nested", "path/to/file",
          "z", "abcABC123ABCabc",
          "slashed", "foo/bar/baz",
          "fallback", "foo1");

  private static String expand(String template) {
    return ShellTemplate.parse(template).expand(VARS, true);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "plain text|plain text",
        "${name}|podinfo",
        "app-${name}-svc|app-podinfo-svc",
        "${#mixed}|12",
        "${mixed^}|AbcdEFGH28ij",
        "${mixed^^}|ABCDEFGH28IJ",
        "${upper,}|aBCDEFGH28IJ",
        "${upper,,}|abcdefgh28ij",
        "${path:11}|ideas/thoughts.for.today",
        "${path:11:5}|ideas",
        "${path:-5}|/home/bozo/ideas/thoughts.for.today",
        "${path:100}|\"\"",
        "${file#*.}|string.txt",
        "${file##*.}|txt",
        "${file%.*}|bash.string",
        "${file%%.*}|bash",
        "${nested#*/}|to/file",
        "${nested##*/}|file",
        "${z/abc/xyz}|xyzABC123ABCabc",
        "${z//abc/xyz}|xyzABC123ABCxyz",
        "${z/#abc/XYZ}|XYZABC123ABCabc",
        "${z/%abc/XYZ}|abcABC123ABCXYZ",
        "${slashed//\\//-}|foo-bar-baz",
        "${z/abc/}|ABC123ABCabc",
        "${z/#abc/}|abcABC123ABCabc",
        "${name=other}|podinfo",
        "${unset=other}|other",
        "${unset:=other}|other",
        "${unset:-other}|other",
        "${empty:=other}|other",
        "${empty=other}|other",
        "${unset:=a b c}|a b c",
        "${unset:=${fallback}}|foo1",
        "${unset:=pre-${fallback}-post}|pre-foo1-post",
        "${unset:=${mixed^^}}|ABCDEFGH28IJ",
        "$${name}|${name}",
        "$${unset}|${unset}",
        "$$name|$name",
        "$name|$name",
        "cost: $5|cost: $5",
        "some ${name}$${x$${name}$name${name}|some podinfo${x${name}$namepodinfo",
        "$${x=${fallback}}|${x=foo1}",
        "\\\\keep ${name}|\\\\keep podinfo",
        "{name}|{name}",
      })
  void expandsLikeFluxEnvsubst(String template, String expected) {
    assertThat(expand(template)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "${missing}",
        "${#missing}",
        "${missing^^}",
        "${missing:0:2}",
        "${missing/a/b}",
        "${missing#x}",
        "${unset:=${missing}}",
      })
  void strictModeRefusesUnsetVariablesWithoutDefault(String template) {
    assertThatThrownBy(() -> expand(template))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("variable \"missing\" is not set and has no default")
        .satisfies(e -> assertThat(((TemplateException) e).variable()).isEqualTo("missing"));
  }

  @Test
  void strictErrorNamesTheLine() {
    assertThatThrownBy(() -> expand("a: 1\nb: ${name}\nc: ${absent}\n"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("line 3: variable \"absent\"")
        .satisfies(e -> assertThat(((TemplateException) e).line()).isEqualTo(3));
  }

  @Test
  void nonStrictModeExpandsUnsetToEmpty() {
    assertThat(ShellTemplate.parse("x${missing}y ${missing^^}").expand(Map.of(), false))
        .isEqualTo("xy ");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "${name|missing closing brace",
        "${name-default}|missing closing brace",
        "${name+alt}|missing closing brace",
        "${}|unable to parse variable name",
        "${ name}|unable to parse variable name",
        "${#}|bad substitution",
        "${name:=unterminated|unable to parse substitution within function",
        "${name/only}|bad substitution",
        "${name^x}|bad substitution",
      })
  void malformedExpansionsFailLikeFlux(String template, String problem) {
    assertThatThrownBy(() -> ShellTemplate.parse(template))
        .isInstanceOf(TemplateException.class)
        .hasMessage("line 1: " + problem);
  }

  @Test
  void valuesNeverAppearInErrors() {
    Map<String, String> secret = Map.of("token", "s3cr3t-value");
    assertThatThrownBy(() -> ShellTemplate.parse("${token} ${other}").expand(secret, true))
        .hasMessageNotContaining("s3cr3t-value");
  }
}
