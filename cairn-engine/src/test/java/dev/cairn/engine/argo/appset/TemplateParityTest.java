package dev.cairn.engine.argo.appset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.api.argo.ApplicationSetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fasttemplate and Go templates on the same inputs give the same Applications (the examples of Argo
 * CD's git generator documentation, written once in each syntax); Go templates add Sprig, {@code
 * missingkey=error} and {@code templatePatch}, without {@code env}.
 */
class TemplateParityTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path repo;
  private LocalGitTrees git;

  @BeforeEach
  void layout() {
    git =
        LocalGitTrees.of(
            repo,
            Map.of(
                "cluster-addons/argo-workflows/kustomization.yaml", "resources: []\n",
                "cluster-addons/prometheus_operator/Chart.yaml", "name: p\n",
                "cluster-config/engineering/dev/config.json",
                    "{\"cluster\": {\"name\": \"engineering-dev\", \"address\": \"https://1.2.3.4\"}}"));
  }

  private List<GeneratedApplication> generate(String spec) throws Exception {
    return ApplicationGeneration.generate(
        YAML.readValue(spec, ApplicationSetSpec.class), "argocd", git, ClusterSecrets.none());
  }

  private static String directories(String goTemplate, String name, String path, String ns) {
    return """
        goTemplate: %s
        goTemplateOptions: ["missingkey=error"]
        generators:
        - git:
            repoURL: https://github.com/argoproj/argo-cd.git
            revision: HEAD
            directories: [{path: cluster-addons/*}]
        template:
          metadata: {name: '%s'}
          spec:
            project: my-project
            source: {repoURL: https://github.com/argoproj/argo-cd.git, targetRevision: HEAD, path: '%s'}
            destination: {server: https://kubernetes.default.svc, namespace: '%s'}
        """
        .formatted(goTemplate, name, path, ns);
  }

  @Test
  void theDirectoryExampleRendersTheSameInBothSyntaxes() throws Exception {
    List<GeneratedApplication> fast =
        generate(directories("false", "{{path.basenameNormalized}}", "{{path}}", "{{path[1]}}"));
    List<GeneratedApplication> go =
        generate(
            directories(
                "true",
                "{{.path.basenameNormalized}}",
                "{{.path.path}}",
                "{{index .path.segments 1}}"));

    assertThat(fast)
        .extracting(GeneratedApplication::name)
        .containsExactly("argo-workflows", "prometheus-operator");
    assertThat(go)
        .extracting(a -> a.application().node())
        .isEqualTo(fast.stream().map(a -> a.application().node()).toList());
    assertThat(fast.get(1).application().node().at("/spec/destination/namespace").asText())
        .isEqualTo("prometheus_operator");
  }

  @Test
  void theFilesExampleRendersTheSameInBothSyntaxes() throws Exception {
    String files =
        """
        goTemplate: %s
        generators:
        - git: {repoURL: r, files: [{path: "cluster-config/**/config.json"}]}
        template:
          metadata: {name: '%s-guestbook'}
          spec:
            project: default
            source: {repoURL: r, path: apps/guestbook}
            destination: {server: '%s', namespace: guestbook}
        """;
    List<GeneratedApplication> fast =
        generate(files.formatted("false", "{{cluster.name}}", "{{cluster.address}}"));
    List<GeneratedApplication> go =
        generate(files.formatted("true", "{{.cluster.name}}", "{{.cluster.address}}"));

    assertThat(fast)
        .singleElement()
        .satisfies(a -> assertThat(a.name()).isEqualTo("engineering-dev-guestbook"));
    assertThat(go.get(0).application().node()).isEqualTo(fast.get(0).application().node());
    assertThat(go.get(0).application().node().at("/spec/destination/server").asText())
        .isEqualTo("https://1.2.3.4");
  }

  @Test
  void goTemplatesHaveSprigAndTemplatePatch() throws Exception {
    List<GeneratedApplication> apps =
        generate(
            directories(
                    "true",
                    "{{.path.basename | replace \"_\" \"-\" | upper | lower}}",
                    "{{.path.path}}",
                    "x")
                + """
                templatePatch: |
                  spec:
                    source:
                      targetRevision: {{ if eq .path.basename "argo-workflows" }}v3{{ else }}HEAD{{ end }}
                """);

    assertThat(apps)
        .extracting(GeneratedApplication::name)
        .containsExactly("argo-workflows", "prometheus-operator");
    assertThat(apps.get(0).application().node().at("/spec/source/targetRevision").asText())
        .isEqualTo("v3");
    assertThat(apps.get(1).application().node().at("/spec/source/targetRevision").asText())
        .isEqualTo("HEAD");
  }

  @Test
  void missingkeyErrorFailsOnAnUnknownParameter() {
    assertThatThrownBy(() -> generate(directories("true", "{{.path.nope}}", "{{.path.path}}", "x")))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("'{{.path.nope}}'")
        .hasMessageContaining("map has no entry");
  }

  @Test
  void envIsNotAvailableAsInArgoCd() {
    assertThatThrownBy(
            () -> generate(directories("true", "{{env \"HOME\"}}", "{{.path.path}}", "x")))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("env");
  }
}
