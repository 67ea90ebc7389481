package dev.cairn.render.helmcharts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.kustomize.HelmChartArgs;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.KustomizeOptions;
import dev.cairn.kustomize.Kustomizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizeChartInflatorTest {
  @TempDir Path tmp;

  private Kustomizer kustomizer() {
    return Kustomizer.defaults()
        .withOptions(
            KustomizeOptions.defaults()
                .withChartInflator(KustomizeChartInflator.withCache(tmp.resolve("cache"))));
  }

  private Path app(String template, String entry) throws IOException {
    Path chart = Files.createDirectories(tmp.resolve("app/charts/bad/templates"));
    Files.writeString(
        chart.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: bad\nversion: 1.0.0\n");
    Files.writeString(chart.resolveSibling("values.yaml"), "password: s3cret-value\n");
    Files.writeString(chart.resolve("x.yaml"), template);
    Files.writeString(tmp.resolve("app/kustomization.yaml"), "helmCharts:\n- " + entry + "\n");
    return tmp.resolve("app");
  }

  private static HelmChartArgs args(String repo, String version) {
    return new HelmChartArgs(
        "demo", version, repo, "", "", "", null, "", null, false, false, false, null, "", "", "");
  }

  @Test
  void helmErrorsNameTheChartTheTemplateAndTheLine() throws IOException {
    Path app =
        app(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.nope.deeper }}\n",
            "{name: bad}");
    assertThatThrownBy(() -> kustomizer().build(app))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("kustomization.yaml: helm chart 'bad': helm template failed")
        .hasMessageContaining("bad/templates/x.yaml:4")
        .hasMessageNotContaining("s3cret-value");
  }

  @Test
  void apiVersionsAreRefusedRatherThanIgnored() throws IOException {
    Path app =
        app(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
            "{name: bad, apiVersions: [monitoring.coreos.com/v1]}");
    assertThatThrownBy(() -> kustomizer().build(app))
        .hasMessageContaining("helm chart 'bad': apiVersions is not supported");
  }

  @Test
  void cacheIdsDifferByRepositoryAndVersionAndMessagesHideCredentials() {
    assertThat(ChartCache.id(args("https://a.example", "1.0.0")))
        .startsWith("demo-")
        .isNotEqualTo(ChartCache.id(args("https://b.example", "1.0.0")))
        .isNotEqualTo(ChartCache.id(args("https://a.example", "1.0.1")));
    assertThat(ChartCache.display("https://user:pw@charts.example/stable"))
        .isEqualTo("https://charts.example/stable");
    assertThat(ChartCache.display("oci://r.example/charts")).isEqualTo("oci://r.example/charts");
  }
}
