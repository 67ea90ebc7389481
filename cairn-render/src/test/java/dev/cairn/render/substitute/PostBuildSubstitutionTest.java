package dev.cairn.render.substitute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostBuildSubstitutionTest {

  private static KubeObject object(String yaml) {
    return YamlReader.defaults().readObjects("test.yaml", yaml).get(0);
  }

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: app
        annotations:
          quoted: "${replicas}"
          id: ${quote}${replicas}${quote}
      spec:
        replicas: ${replicas}
        paused: ${paused}
        template:
          spec:
            containers:
            - name: app
              image: ghcr.io/app:${tag:=1.0.0}
              args: ["--domain=${domain}", "--literal=$${domain}", "--pid=$$"]
      """;

  @Test
  void substitutesTextThenReadsTypesBackLikeFlux() {
    PostBuildSubstitution sub =
        new PostBuildSubstitution(
            Map.of("replicas", "3", "paused", "false", "domain", "example.com", "quote", "\""),
            true,
            false);

    KubeObject out = sub.apply(object(DEPLOYMENT), "Deployment/app");

    assertThat(out.node().at("/spec/replicas").isIntegralNumber()).isTrue();
    assertThat(out.node().at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(out.node().at("/spec/paused").isBoolean()).isTrue();
    // Quotes in the source file do not survive the build: Flux turns this into a number too.
    assertThat(out.node().at("/metadata/annotations/quoted").isIntegralNumber()).isTrue();
    // Flux's documented way to keep a string: a variable holding a double quote.
    assertThat(out.node().at("/metadata/annotations/id").isTextual()).isTrue();
    assertThat(out.node().at("/metadata/annotations/id").asText()).isEqualTo("3");
    assertThat(out.node().at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("ghcr.io/app:1.0.0");
    assertThat(out.node().at("/spec/template/spec/containers/0/args").toString())
        .isEqualTo("[\"--domain=example.com\",\"--literal=${domain}\",\"--pid=$\"]");
  }

  @Test
  void keepsTheOriginOfTheObject() {
    KubeObject in = object(DEPLOYMENT);
    PostBuildSubstitution sub =
        new PostBuildSubstitution(
            Map.of("replicas", "1", "paused", "true", "domain", "d", "quote", "'"), true, false);

    assertThat(sub.apply(in, "x").origin()).isEqualTo(in.origin());
  }

  @Test
  void strictFailureNamesTheVariable() {
    PostBuildSubstitution sub =
        new PostBuildSubstitution(
            Map.of("replicas", "1", "quote", "'", "domain", "d"), true, false);

    assertThatThrownBy(() -> sub.apply(object(DEPLOYMENT), "Deployment/app"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("variable \"paused\" is not set");
  }

  @Test
  void nothingIsSubstitutedWithoutVariablesUnlessStrategyIsAlways() {
    KubeObject in =
        object("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: ${x:=def}\n");

    PostBuildSubstitution withVariables = new PostBuildSubstitution(Map.of(), true, false);
    PostBuildSubstitution always = new PostBuildSubstitution(Map.of(), true, true);

    assertThat(withVariables.active()).isFalse();
    assertThat(withVariables.apply(in, "c").node().at("/data/a").asText()).isEqualTo("${x:=def}");
    assertThat(always.apply(in, "c").node().at("/data/a").asText()).isEqualTo("def");
  }

  @Test
  void fluxAndCairnOptOutsByLabelOrAnnotation() {
    PostBuildSubstitution sub = new PostBuildSubstitution(Map.of("x", "value"), true, false);
    String template =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  %s:\n    %s: disabled\ndata:\n  a: ${x} ${unset}\n";
    for (String place : new String[] {"labels", "annotations"}) {
      for (String key :
          new String[] {PostBuildSubstitution.FLUX_OPT_OUT, PostBuildSubstitution.CAIRN_OPT_OUT}) {
        KubeObject in = object(String.format(template, place, key));
        assertThat(PostBuildSubstitution.optedOut(in)).isTrue();
        assertThat(sub.apply(in, "c").node().at("/data/a").asText()).isEqualTo("${x} ${unset}");
      }
    }
  }

  @Test
  void substitutionThatBreaksYamlIsAnError() {
    PostBuildSubstitution sub = new PostBuildSubstitution(Map.of("x", "a: b"), true, false);
    KubeObject in =
        object("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: ${x}\n");

    assertThatThrownBy(() -> sub.apply(in, "ConfigMap/c"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("ConfigMap/c:");
  }

  @Test
  void invalidVariableNamesAreRefused() {
    assertThatThrownBy(() -> new PostBuildSubstitution(Map.of("bad-name", "v"), true, false))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'bad-name' var name is invalid");
  }

  @Test
  void readsSubstitutedValuesBackWithYaml11RulesLikeFlux() {
    PostBuildSubstitution sub =
        new PostBuildSubstitution(
            Map.of("flag", "yes", "off", "Off", "date", "2024-01-31", "word", "maybe"),
            true,
            false);
    KubeObject in =
        object(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
              annotations:
                built: ${date}
                kept: "yes"
            data:
              a: ${flag}
              b: ${off}
              c: ${word}
              d: "on-${flag}"
              list:
              - ${flag}
              - x
            """);

    KubeObject out = sub.apply(in, "c");

    assertThat(out.node().at("/data/a").isBoolean()).isTrue();
    assertThat(out.node().at("/data/a").booleanValue()).isTrue();
    assertThat(out.node().at("/data/b").booleanValue()).isFalse();
    assertThat(out.node().at("/data/b").isBoolean()).isTrue();
    assertThat(out.node().at("/data/c").asText()).isEqualTo("maybe");
    assertThat(out.node().at("/data/d").asText()).isEqualTo("on-yes");
    assertThat(out.node().at("/data/list/0").isBoolean()).isTrue();
    assertThat(out.node().at("/metadata/annotations/built").asText()).isEqualTo("2024-01-31");
    assertThat(out.node().at("/metadata/annotations/kept").asText())
        .as("a string from the file stays a string")
        .isEqualTo("yes");
  }
}
