package dev.cairn.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code helmCharts} through the {@link ChartInflator} port, with a recording inflator that renders
 * one ConfigMap per chart: where charts are looked for, which values reach Helm, where the objects
 * go in the build.
 */
class HelmChartsTest {
  @TempDir Path tmp;

  private final Recorder recorder = new Recorder();

  private Kustomizer kustomizer() {
    return Kustomizer.defaults()
        .withOptions(KustomizeOptions.defaults().withChartInflator(recorder));
  }

  private void write(String path, String text) throws IOException {
    Path file = tmp.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void chart(String dir, String values) throws IOException {
    write(dir + "/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 1.0.0\n");
    write(dir + "/values.yaml", values);
  }

  @Test
  void withoutAnInflatorTheBuildFailsAsKustomizeWithoutEnableHelm() throws IOException {
    chart("charts/demo", "a: 1\n");
    write("kustomization.yaml", "helmCharts:\n- name: demo\n");
    assertThatThrownBy(() -> Kustomizer.defaults().build(tmp))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("kustomization.yaml")
        .hasMessageContaining("must specify --enable-helm");
  }

  @Test
  void localChartIsAGeneratorOutputThatLaterTransformersSee() throws IOException {
    chart("charts/demo", "a: 1\n");
    write(
        "kustomization.yaml",
        """
        namespace: apps
        commonLabels: {team: x}
        buildMetadata: [originAnnotations]
        configMapGenerator:
        - name: gen
          literals: [k=v]
        helmCharts:
        - name: demo
          releaseName: web
        """);
    List<KubeObject> objects = kustomizer().build(tmp);
    assertThat(objects).extracting(KubeObject::name).hasSize(2).endsWith("web-demo");
    assertThat(objects.get(0).name()).startsWith("gen-");
    KubeObject rendered = objects.get(1);
    assertThat(rendered.namespace()).isEqualTo("apps");
    assertThat(rendered.node().at("/metadata/labels/team").asText()).isEqualTo("x");
    assertThat(rendered.node().at("/metadata/annotations/config.kubernetes.io~1origin").asText())
        .contains("configuredIn: kustomization.yaml")
        .contains("kind: HelmChartInflationGenerator");
    assertThat(recorder.pulls).isEmpty();
    assertThat(recorder.chartDirs).containsExactly(tmp.resolve("charts/demo").toRealPath());
    assertThat(recorder.values).containsExactly(json("{\"a\":1}"));
    assertThat(recorder.charts.get(0).effectiveNamespace()).isEqualTo("default");
  }

  @Test
  void chartHomeAndVersionedDirectoryAreWhereKustomizeLooks() throws IOException {
    chart("helm/demo-2.0.0/demo", "where: versioned\n");
    chart("helm/demo", "where: plain\n");
    write(
        "kustomization.yaml",
        """
        helmGlobals: {chartHome: helm}
        helmCharts:
        - {name: demo, repo: "https://charts.example", version: 2.0.0, releaseName: a}
        - {name: demo, version: 2.0.0, releaseName: b}
        """);
    kustomizer().build(tmp);
    assertThat(recorder.pulls).isEmpty();
    assertThat(recorder.values)
        .containsExactly(json("{\"where\":\"versioned\"}"), json("{\"where\":\"plain\"}"));
  }

  @Test
  void aMissingChartIsPulledOnlyWhenARepositoryIsGiven() throws IOException {
    chart("cache/demo", "from: cache\n");
    write("app/kustomization.yaml", "helmCharts:\n- {name: demo, repo: oci://r.example/c}\n");
    recorder.pulled = tmp.resolve("cache/demo");
    Kustomizer k = kustomizer();
    k.build(tmp.resolve("app"));
    assertThat(recorder.pulls).containsExactly("oci://r.example/c demo");
    assertThat(recorder.values).containsExactly(json("{\"from\":\"cache\"}"));

    write("other/kustomization.yaml", "helmCharts:\n- name: nope\n");
    assertThatThrownBy(() -> k.build(tmp.resolve("other")))
        .hasMessageContaining("helm chart 'nope': no repo specified for pull")
        .hasMessageContaining("no chart found at 'charts/nope'");
  }

  static Stream<Arguments> merges() {
    String file = "image: {repo: app, tag: '1'}\nports: [80]\nkeep: yes\n";
    String override =
        "{\"image\":{\"repo\":\"app\",\"tag\":\"2\"},\"ports\":[8080],\"keep\":\"yes\"}";
    return Stream.of(
        Arguments.of(file, "override", override),
        Arguments.of(file, "", override),
        Arguments.of(
            file,
            "merge",
            "{\"image\":{\"repo\":\"app\",\"tag\":\"1\"},\"ports\":[80],\"keep\":\"yes\"}"),
        Arguments.of(file, "replace", "{\"image\":{\"tag\":\"2\"},\"ports\":[8080]}"));
  }

  @ParameterizedTest(name = "valuesMerge ''{1}''")
  @MethodSource("merges")
  void inlineValuesCombineWithTheValuesFileAsKustomizeDoes(
      String file, String mode, String expected) throws IOException {
    chart("charts/demo", file);
    write(
        "kustomization.yaml",
        "helmCharts:\n- name: demo\n"
            + (mode.isEmpty() ? "" : "  valuesMerge: " + mode + "\n")
            + "  valuesInline: {image: {tag: '2'}, ports: [8080]}\n");
    kustomizer().build(tmp);
    assertThat(recorder.values).containsExactly(json(expected));
  }

  @Test
  void nullInlineValueRemovesTheKeyAndMapAgainstScalarIsAnError() throws IOException {
    chart("charts/demo", "a: {b: 1, c: 2}\nd: 3\n");
    write("kustomization.yaml", "helmCharts:\n- name: demo\n  valuesInline: {a: {b: null}}\n");
    kustomizer().build(tmp);
    assertThat(recorder.values).containsExactly(json("{\"a\":{\"c\":2},\"d\":3}"));

    write("kustomization.yaml", "helmCharts:\n- name: demo\n  valuesInline: {d: {e: 1}}\n");
    assertThatThrownBy(() -> kustomizer().build(tmp))
        .hasMessageContaining("helm chart 'demo': cannot merge values at 'd'");
  }

  @Test
  void valuesFileReplacesTheChartsAndAdditionalFilesFollowIt() throws IOException {
    chart("charts/demo", "a: chart\n");
    write("values/prod.yaml", "a: prod\n");
    write("values/extra.yaml", "b: extra\n");
    write(
        "kustomization.yaml",
        """
        helmCharts:
        - name: demo
          valuesFile: values/prod.yaml
          additionalValuesFiles: [values/extra.yaml]
        """);
    kustomizer().build(tmp);
    assertThat(recorder.values).containsExactly(json("{\"a\":\"prod\"}", "{\"b\":\"extra\"}"));
  }

  @Test
  void valuesFilesObeyTheLoadRestriction() throws IOException {
    chart("app/charts/demo", "a: 1\n");
    write("outside.yaml", "a: 2\n");
    write("app/kustomization.yaml", "helmCharts:\n- {name: demo, valuesFile: ../outside.yaml}\n");
    Kustomizer k =
        Kustomizer.defaults()
            .withOptions(KustomizeOptions.defaults().withBoundary(tmp).withChartInflator(recorder));
    assertThatThrownBy(() -> k.build(tmp.resolve("app"))).hasMessageContaining("not in or below");
  }

  @Test
  void aChartDirectoryLinkedFromOutsideTheBoundaryIsRefused() throws IOException {
    chart("outside/demo", "a: 1\n");
    Files.createDirectories(tmp.resolve("app/charts"));
    Files.createSymbolicLink(tmp.resolve("app/charts/demo"), tmp.resolve("outside/demo"));
    write("app/kustomization.yaml", "helmCharts:\n- name: demo\n");
    assertThatThrownBy(() -> kustomizer().build(tmp.resolve("app")))
        .hasMessageContaining("outside the build boundary");
    assertThat(recorder.charts).isEmpty();
  }

  @Test
  void badEntriesAreNamed() throws IOException {
    chart("charts/demo", "a: 1\n");
    write("kustomization.yaml", "helmCharts:\n- {name: demo, valuesMerge: deep}\n");
    assertThatThrownBy(() -> kustomizer().build(tmp))
        .hasMessageContaining("valuesMerge must be one of [merge, override, replace]");
    write("kustomization.yaml", "helmCharts:\n- {name: demo, includeCRDs: maybe}\n");
    assertThatThrownBy(() -> kustomizer().build(tmp))
        .hasMessageContaining("'includeCRDs' must be true or false");
    write("kustomization.yaml", "helmCharts:\n- {name: demo, chart: x}\n");
    assertThatThrownBy(() -> kustomizer().build(tmp))
        .hasMessageContaining("unknown field \"chart\"");
    write("kustomization.yaml", "helmCharts:\n- {name: demo, nameTemplate: x}\n");
    assertThatThrownBy(() -> kustomizer().build(tmp))
        .hasMessageContaining("'nameTemplate' is not supported");
    write("kustomization.yaml", "helmCharts:\n- {releaseName: x}\n");
    assertThatThrownBy(() -> kustomizer().build(tmp))
        .hasMessageContaining("chart name cannot be empty");
  }

  @Test
  void renderedObjectsCollidingWithResourcesAreAnError() throws IOException {
    chart("charts/demo", "a: 1\n");
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: r-demo\n");
    write(
        "kustomization.yaml",
        "resources: [cm.yaml]\nhelmCharts:\n- {name: demo, releaseName: r}\n");
    assertThatThrownBy(() -> kustomizer().build(tmp)).hasMessageContaining("exists");
  }

  /** A values text as a tree, so that tests compare content, not formatting or key order. */
  static JsonNode parsed(String text) {
    return YamlReader.defaults().readAll("values", text).get(0).content();
  }

  /** The expected values files of one chart, written as JSON. */
  static List<JsonNode> json(String... texts) {
    return java.util.Arrays.stream(texts).map(HelmChartsTest::parsed).toList();
  }

  /** Renders one ConfigMap named {@code <release>-<chart>} and records what it was given. */
  static final class Recorder implements ChartInflator {
    final List<String> pulls = new CopyOnWriteArrayList<>();
    final List<Path> chartDirs = new CopyOnWriteArrayList<>();
    final List<HelmChartArgs> charts = new CopyOnWriteArrayList<>();
    final List<List<JsonNode>> values = new CopyOnWriteArrayList<>();
    volatile Path pulled;

    @Override
    public Path pull(HelmChartArgs chart) {
      pulls.add(chart.repo() + " " + chart.name());
      return pulled;
    }

    @Override
    public String template(Path chartDir, HelmChartArgs chart, List<String> files) {
      chartDirs.add(chartDir);
      charts.add(chart);
      values.add(files.stream().map(HelmChartsTest::parsed).toList());
      return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
          + chart.effectiveReleaseName()
          + "-"
          + chart.name()
          + "\n";
    }
  }
}
