package dev.cairn.source.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.YamlReader;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesMergeTest {
  @TempDir Path chart;

  private static ObjectNode yaml(String text) {
    return (ObjectNode) YamlReader.defaults().readAll("test", text).get(0).content();
  }

  @Test
  void mapsMergeKeyByKeyLaterWinsAndListsAreReplaced() {
    ObjectNode base = yaml("image: {repository: web, tag: '1.0'}\nports: [80, 443]\nreplicas: 1\n");
    ObjectNode overlay = yaml("image: {tag: '2.0'}\nports: [8080]\nextra: {a: 1}\n");

    ObjectNode merged = ValuesMerge.merge(base, overlay);

    assertThat(merged)
        .isEqualTo(
            yaml(
                "image: {repository: web, tag: '2.0'}\nports: [8080]\nreplicas: 1\n"
                    + "extra: {a: 1}\n"));
    assertThat(base.get("image").get("tag").asText()).isEqualTo("1.0");
  }

  @Test
  void aScalarReplacesAMapAndAMapReplacesAScalar() {
    ObjectNode merged =
        ValuesMerge.merge(yaml("a: {b: 1}\nc: plain\n"), yaml("a: off-switch\nc: {d: 2}\n"));

    assertThat(merged).isEqualTo(yaml("a: off-switch\nc: {d: 2}\n"));
  }

  @Test
  void filesMergeInListOrderAndTheChartsValuesOnlyWhenListed() throws Exception {
    Files.writeString(chart.resolve("values.yaml"), "name: web\nresources: {cpu: 100m}\n");
    Files.createDirectories(chart.resolve("env"));
    Files.writeString(chart.resolve("env/prod.yaml"), "resources: {memory: 1Gi}\nflag: 'yes'\n");
    Files.writeString(chart.resolve("override.yaml"), "resources: {cpu: 2}\n");

    ValuesMerge.Merged all =
        ValuesMerge.mergeFiles(
            chart, List.of("values.yaml", "./env/prod.yaml", "override.yaml"), false);
    ValuesMerge.Merged withoutDefaults =
        ValuesMerge.mergeFiles(chart, List.of("env/prod.yaml"), false);

    assertThat(all.values())
        .isEqualTo(yaml("name: web\nresources: {cpu: 2, memory: 1Gi}\nflag: 'yes'\n"));
    assertThat(all.files()).containsExactly("values.yaml", "./env/prod.yaml", "override.yaml");
    assertThat(all.yaml()).contains("flag: \"yes\"");
    assertThat(withoutDefaults.values()).isEqualTo(yaml("resources: {memory: 1Gi}\nflag: 'yes'\n"));
  }

  @Test
  void aMissingFileIsAnErrorNamingItUnlessIgnored() throws Exception {
    Files.writeString(chart.resolve("values.yaml"), "a: 1\n");

    assertThatThrownBy(
            () -> ValuesMerge.mergeFiles(chart, List.of("values.yaml", "missing.yaml"), false))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("no values file found at path 'missing.yaml'")
        .satisfies(
            e ->
                assertThat(((SourceException) e).reason())
                    .isEqualTo(SourceReason.VALUES_FILES_FAILED));

    ValuesMerge.Merged ignored =
        ValuesMerge.mergeFiles(chart, List.of("missing.yaml", "values.yaml"), true);
    assertThat(ignored.files()).containsExactly("values.yaml");
    assertThat(ignored.values()).isEqualTo(yaml("a: 1\n"));
  }

  @Test
  void pathsOutsideTheChartAndNonMapsAreRefused() throws Exception {
    Files.writeString(chart.resolve("list.yaml"), "- a\n- b\n");

    assertThatThrownBy(() -> ValuesMerge.mergeFiles(chart, List.of("../secrets.yaml"), true))
        .hasMessageContaining("'../secrets.yaml' is outside the chart directory");
    assertThatThrownBy(() -> ValuesMerge.mergeFiles(chart, List.of("list.yaml"), false))
        .hasMessageContaining("'list.yaml' is not a YAML mapping");
  }

  @Test
  void buildOptionsFollowFlux() {
    ChartBuildOptions options =
        ChartBuildOptions.defaults().withValuesFiles(List.of("values.yaml"));

    assertThat(options.effectiveValuesFiles()).isEmpty();
    assertThat(options.withValuesFiles(List.of("values.yaml", "b.yaml")).effectiveValuesFiles())
        .containsExactly("values.yaml", "b.yaml");
    assertThat(options.versionFor("1.2.0")).isEqualTo("1.2.0");
    assertThat(options.withVersionMetadata("3").versionFor("1.2.0+old")).isEqualTo("1.2.0+3");
    assertThatThrownBy(() -> options.withVersionMetadata("a b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void customizationWritesValuesAndVersionIntoTheWorkingCopy() throws Exception {
    Files.writeString(
        chart.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 1.0.0\nappVersion: 1\n");
    Files.writeString(chart.resolve("values.yaml"), "replicas: 1\nimage: {tag: a}\n");
    Files.writeString(chart.resolve("prod.yaml"), "image: {tag: b}\n");

    ChartCustomization.Applied applied =
        ChartCustomization.apply(
            chart, "1.0.0", new ChartBuildOptions(List.of("values.yaml", "prod.yaml"), false, "4"));

    assertThat(applied.version()).isEqualTo("1.0.0+4");
    assertThat(applied.valuesFiles()).containsExactly("values.yaml", "prod.yaml");
    assertThat(yaml(Files.readString(chart.resolve("values.yaml"))))
        .isEqualTo(yaml("replicas: 1\nimage: {tag: b}\n"));
    assertThat(Files.readString(chart.resolve("Chart.yaml")))
        .isEqualTo("apiVersion: v2\nname: web\nversion: \"1.0.0+4\"\nappVersion: 1\n");
  }
}
