package dev.cairn.render.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.Image;
import dev.cairn.api.Patch;
import dev.cairn.api.helm.KustomizePostRenderer;
import dev.cairn.api.helm.PostRenderer;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.RenderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmTemplateRendererTest {
  @TempDir Path temp;

  private final HelmTemplateRenderer renderer = HelmTemplateRenderer.defaults();

  private Path chart() throws IOException {
    Path chart = temp.resolve("gw");
    Files.createDirectories(chart.resolve("templates"));
    Files.createDirectories(chart.resolve("crds"));
    Files.writeString(
        chart.resolve("Chart.yaml"),
        "apiVersion: v2\nname: gw\nversion: 1.0.0\nappVersion: \"2.1\"\n");
    Files.writeString(chart.resolve("values.yaml"), "replicas: 1\nport: 8080\n");
    Files.writeString(
        chart.resolve("templates/deployment.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}
        spec:
          replicas: {{ .Values.replicas }}
          selector: {matchLabels: {app: gw}}
          template:
            metadata: {labels: {app: gw}}
            spec:
              containers:
              - name: gw
                image: "example.com/gw:{{ .Chart.AppVersion }}"
                ports: [{containerPort: {{ .Values.port }}}]
        """);
    Files.writeString(
        chart.resolve("templates/hook.yaml"),
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {{ .Release.Name }}-migrate
          annotations: {"helm.sh/hook": "pre-install,pre-upgrade", "helm.sh/hook-weight": "-5"}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: m, image: busybox}]
        """);
    Files.writeString(
        chart.resolve("templates/kube.yaml"),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: {{ .Release.Name }}-kube}
        data: {minor: "{{ .Capabilities.KubeVersion.Minor }}"}
        """);
    Files.writeString(
        chart.resolve("crds/widgets.yaml"),
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions: [{name: v1, served: true, storage: true}]
        """);
    return chart;
  }

  @Test
  void rendersWithUserValuesHooksCrdsAndKubeVersion() throws IOException {
    HelmRender render =
        renderer.render(
            chart(),
            new HelmRenderRequest("edge", "apps", Map.of("replicas", 3), "v1.29.4-simulated"));

    assertThat(render.chart().name()).isEqualTo("gw");
    assertThat(render.chart().appVersion()).isEqualTo("2.1");
    assertThat(render.objects())
        .extracting(KubeObject::kind)
        .containsExactlyInAnyOrder("Deployment", "ConfigMap");
    KubeObject deployment =
        render.objects().stream()
            .filter(o -> o.kind().equals("Deployment"))
            .findFirst()
            .orElseThrow();
    assertThat(deployment.name()).isEqualTo("edge");
    assertThat(deployment.node().at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(
            deployment.node().at("/spec/template/spec/containers/0/ports/0/containerPort").asInt())
        .isEqualTo(8080);
    KubeObject kube =
        render.objects().stream()
            .filter(o -> o.kind().equals("ConfigMap"))
            .findFirst()
            .orElseThrow();
    assertThat(kube.node().at("/data/minor").asText()).isEqualTo("29");
    assertThat(render.hooks()).hasSize(1);
    assertThat(render.hooks().get(0).runsOn("pre-upgrade")).isTrue();
    assertThat(render.hooks().get(0).weight()).isEqualTo(-5);
    assertThat(render.crds()).extracting(KubeObject::name).containsExactly("widgets.example.com");
    assertThat(render.manifest()).contains("name: edge").doesNotContain("migrate");
  }

  @Test
  void templateErrorsCarryHelmsFileAndLine() throws IOException {
    Path chart = chart();
    Files.writeString(
        chart.resolve("templates/broken.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name | nosuchfunc }}\n");

    assertThatThrownBy(
            () -> renderer.render(chart, new HelmRenderRequest("edge", "apps", Map.of(), null)))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("gw/templates/broken.yaml:4")
        .extracting(e -> ((RenderException) e).reason())
        .isEqualTo(RenderException.Reason.HELM_FAILED);
  }

  @Test
  void postRendererPatchesAndSetsImages() throws IOException {
    HelmRender render =
        renderer.render(chart(), new HelmRenderRequest("edge", "apps", Map.of(), null));
    List<PostRenderer> post =
        List.of(
            new PostRenderer(
                new KustomizePostRenderer(
                    List.of(
                        new Patch(
                            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: edge}\nspec: {replicas: 5}\n",
                            null)),
                    List.of(new Image("example.com/gw", null, "9.9", null)))));

    List<KubeObject> out = HelmPostRenderer.defaults().apply(render.objects(), post);

    KubeObject deployment =
        out.stream().filter(o -> o.kind().equals("Deployment")).findFirst().orElseThrow();
    assertThat(deployment.node().at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(deployment.node().at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("example.com/gw:9.9");
    assertThat(out).hasSize(2);
  }

  @Test
  void kubeVersionKeepsMajorMinorPatch() {
    assertThat(HelmTemplateRenderer.kubeVersion("v1.31.0-cairn-simulated")).isEqualTo("v1.31.0");
    assertThat(HelmTemplateRenderer.kubeVersion("1.30")).isEqualTo("v1.30.0");
    assertThat(HelmTemplateRenderer.kubeVersion(null)).isNull();
  }
}
