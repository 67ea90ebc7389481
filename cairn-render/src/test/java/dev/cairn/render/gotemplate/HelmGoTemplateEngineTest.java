package dev.cairn.render.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HelmGoTemplateEngineTest {
  private final GoTemplateEngine engine = GoTemplateEngine.defaults();

  private static final Map<String, Object> DATA =
      Map.of(
          "AutomationObject",
          Map.of("Name", "apps", "Namespace", "flux-system"),
          "Values",
          Map.of("env", "staging"),
          "path",
          Map.of("basename", "guestbook", "segments", List.of("apps", "guestbook")),
          "images",
          List.of("ghcr.io/acme/api:v1.2.0", "ghcr.io/acme/web:v2.0.1"),
          "replicas",
          3,
          "enabled",
          true);

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("{{ .AutomationObject.Name | upper }}", "APPS"),
        Arguments.of("{{ .path.basename }}-{{ index .path.segments 0 }}", "guestbook-apps"),
        Arguments.of("{{ trimPrefix \"ghcr.io/\" (index .images 0) }}", "acme/api:v1.2.0"),
        Arguments.of("{{ .Values.missing | default \"none\" }}", "none"),
        Arguments.of("{{ .Values | toYaml }}", "env: staging"),
        Arguments.of(
            "{{ range $i, $img := .images }}{{ if $i }}, {{ end }}{{ $img }}{{ end }}",
            "ghcr.io/acme/api:v1.2.0, ghcr.io/acme/web:v2.0.1"),
        Arguments.of("{{ if .enabled }}on{{ else }}off{{ end }} x{{ .replicas }}", "on x3"),
        Arguments.of(
            "{{ range $k, $v := .AutomationObject }}{{ $k }}={{ $v }};{{ end }}",
            "Name=apps;Namespace=flux-system;"),
        Arguments.of("{{ list \"b\" \"a\" | sortAlpha | join \",\" }}", "a,b"),
        Arguments.of("{{ \"a-b\" | replace \"-\" \"_\" | quote }}", "\"a_b\""),
        // Text Helm's YAML handling would break passes untouched: leading space, colons, ---.
        Arguments.of("  key: {{ .Values.env }}\n---\n# x\n", "  key: staging\n---\n# x\n"),
        Arguments.of("{{ .Values.nothere }}", "<no value>"));
  }

  @ParameterizedTest
  @MethodSource("templates")
  void rendersGoTemplatesWithSprig(String template, String expected) throws Exception {
    assertThat(engine.render(Map.of("t", template), DATA, GoTemplateOptions.defaults()))
        .containsEntry("t", expected);
  }

  @Test
  void rendersManyTemplatesInOneCallByName() throws Exception {
    Map<String, String> templates = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      templates.put("name-" + i, "{{ .AutomationObject.Name }}-" + i);
    }
    Map<String, String> out = engine.render(templates, DATA, GoTemplateOptions.defaults());
    assertThat(new ArrayList<>(out.keySet())).isEqualTo(new ArrayList<>(templates.keySet()));
    assertThat(out).containsEntry("name-0", "apps-0").containsEntry("name-19", "apps-19");
  }

  @Test
  void missingKeyErrorFailsNamingTheTemplate() {
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("fine", "{{ .Values.env }}");
    templates.put("message", "update {{ .Values.nothere }}");
    assertThatThrownBy(
            () ->
                engine.render(
                    templates, DATA, GoTemplateOptions.defaults().withMissingKeyError(true)))
        .isInstanceOf(GoTemplateException.class)
        .hasMessageContaining("\"message\"")
        .satisfies(e -> assertThat(((GoTemplateException) e).template()).isEqualTo("message"));
  }

  @Test
  void missingKeyErrorAcceptsPresentKeysAndDefault() throws Exception {
    assertThat(
            engine.render(
                Map.of("t", "{{ .Values.env }} {{ .Values.other | default \"x\" }}"),
                DATA,
                GoTemplateOptions.defaults().withMissingKeyError(true)))
        .containsEntry("t", "staging x");
  }

  @Test
  void anExecutionErrorNamesTheTemplateAndPosition() {
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("ok", "fine");
    templates.put("commit message", "line one\n{{ fail \"boom\" }}");
    assertThatThrownBy(() -> engine.render(templates, DATA, GoTemplateOptions.defaults()))
        .isInstanceOf(GoTemplateException.class)
        .hasMessageContaining("commit message")
        .hasMessageContaining("boom")
        .hasMessageNotContaining("cairn-gotemplate")
        .satisfies(
            e -> assertThat(((GoTemplateException) e).template()).isEqualTo("commit message"));
  }

  @Test
  void aFailingFunctionNamesTheTemplate() {
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("a", "fine");
    templates.put("b", "{{ index .images 5 }}");
    templates.put("c", "fine too");
    assertThatThrownBy(() -> engine.render(templates, DATA, GoTemplateOptions.defaults()))
        .isInstanceOf(GoTemplateException.class)
        .hasMessageContaining("template \"b\"")
        .hasMessageContaining("index out of range")
        .satisfies(e -> assertThat(((GoTemplateException) e).template()).isEqualTo("b"));
  }

  @Test
  void aParseErrorNamesTheTemplateAndLine() {
    assertThatThrownBy(
            () ->
                engine.render(
                    Map.of("broken", "{{ nosuchfunc . }}"), DATA, GoTemplateOptions.defaults()))
        .isInstanceOf(GoTemplateException.class)
        .hasMessageContaining("broken")
        .hasMessageContaining("nosuchfunc");
  }

  @Test
  void environmentFunctionsAreAbsent() {
    assertThatThrownBy(
            () ->
                engine.render(
                    Map.of("env", "{{ env \"HOME\" }}"), DATA, GoTemplateOptions.defaults()))
        .isInstanceOf(GoTemplateException.class)
        .hasMessageContaining("env");
  }

  @Test
  void aTemplateMayDefineAndUseItsOwnTemplates() throws Exception {
    String template =
        "{{ define \"who\" }}<{{ .Name }}>{{ end }}hi {{ template \"who\" .AutomationObject }}";
    assertThat(engine.render(Map.of("t", template), DATA, GoTemplateOptions.defaults()))
        .containsEntry("t", "hi <apps>");
  }
}
