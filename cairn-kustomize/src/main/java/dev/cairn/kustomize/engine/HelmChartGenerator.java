package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.ChartInflator;
import dev.cairn.kustomize.HelmChartArgs;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.manifest.YamlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * kustomize's HelmChartInflationGenerator: runs after the ConfigMap and Secret generators of a
 * kustomization. Finds each chart in {@code <chartHome>/<name>} (or {@code
 * <chartHome>/<name>-<version>/<name>} when both {@code repo} and {@code version} are set), else
 * has the {@link ChartInflator} pull it; builds the values file Helm gets from the chart's {@code
 * values.yaml} (or {@code valuesFile}) and {@code valuesInline}; adds the rendered objects as
 * generated objects of behavior create.
 */
final class HelmChartGenerator {
  private static final String KIND = "HelmChartInflationGenerator";
  private static final List<String> MERGES = List.of("merge", "override", "replace");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BuildContext ctx;

  HelmChartGenerator(BuildContext ctx) {
    this.ctx = ctx;
  }

  void generate(KustomizationFile k, ResourceSet set, Path origin) {
    List<HelmChartArgs> charts = HelmChartEntries.of(k);
    if (charts.isEmpty()) {
      return;
    }
    ChartInflator inflator = ctx.options().chartInflator();
    for (HelmChartArgs chart : charts) {
      // Like kustomize, every chart is configured (and checked) before any is inflated.
      configure(k, chart, inflator);
    }
    for (HelmChartArgs chart : charts) {
      inflate(k, chart, inflator, set, origin);
    }
  }

  private static void configure(KustomizationFile k, HelmChartArgs chart, ChartInflator inflator) {
    if (inflator == null) {
      throw new KustomizeException(
          k.file(),
          0,
          "trouble configuring builtin "
              + KIND
              + " for chart '"
              + chart.name()
              + "': must specify --enable-helm");
    }
    if (chart.name().isEmpty()) {
      throw new KustomizeException(k.file(), 0, "helmCharts: chart name cannot be empty");
    }
    if (!MERGES.contains(chart.valuesMerge())) {
      throw new KustomizeException(
          k.file(), 0, "helm chart '" + chart.name() + "': valuesMerge must be one of " + MERGES);
    }
  }

  private void inflate(
      KustomizationFile k, HelmChartArgs chart, ChartInflator inflator, ResourceSet set, Path o) {
    Path local = localChart(k, chart);
    Path chartDir = local != null ? local : pull(k, chart, inflator);
    List<String> values = new ArrayList<>();
    values.add(values(k, chart, chartDir, local != null));
    for (String file : chart.additionalValuesFiles()) {
      String text = ctx.readText(k, file);
      readValues(ctx.display(k, file), text);
      values.add(text);
    }
    String text;
    try {
      text = inflator.template(chartDir, chart, values);
    } catch (KustomizeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KustomizeException(
          k.file(), 0, "helm chart '" + chart.name() + "': " + e.getMessage(), e);
    }
    String display = "helm chart " + chart.name() + " (" + ctx.display(k, "") + ")";
    for (Resource r : Documents.objects(display, text)) {
      r.setNeedsHashSuffix(false);
      r.setBehavior(Resource.Behavior.CREATE);
      r.setOriginPath(o.resolve(TargetBuilder.fileName(k)).toString());
      r.setGeneratedBy(KIND);
      GeneratedMerge.absorb(set, r);
    }
  }

  /** The chart's directory in the chart home, or null when it is not there. */
  private Path localChart(KustomizationFile k, HelmChartArgs chart) {
    Path home = k.dir().resolve(chart.chartHome()).normalize();
    if (!chart.repo().isEmpty() && !chart.version().isEmpty()) {
      home = home.resolve(chart.name() + "-" + chart.version());
    }
    Path local = home.resolve(chart.name());
    if (Files.isDirectory(local)) {
      return ctx.loader().resolveDir(k.dir(), k.dir().relativize(local).toString(), k.file());
    }
    if (chart.repo().isEmpty()) {
      throw new KustomizeException(
          k.file(),
          0,
          "helm chart '"
              + chart.name()
              + "': no repo specified for pull, no chart found at '"
              + ctx.loader().display(local)
              + "'");
    }
    return null;
  }

  private static Path pull(KustomizationFile k, HelmChartArgs chart, ChartInflator inflator) {
    try {
      return inflator.pull(chart);
    } catch (KustomizeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KustomizeException(
          k.file(), 0, "helm chart '" + chart.name() + "': " + e.getMessage(), e);
    }
  }

  /**
   * The text of the first values file Helm gets, as kustomize writes it: the values file as it is
   * when there are no inline values, else the merge (as JSON, which Helm reads as YAML).
   */
  private String values(KustomizationFile k, HelmChartArgs chart, Path chartDir, boolean local) {
    boolean inline = !chart.valuesInline().isEmpty();
    JsonNode inlined = JSON.valueToTree(chart.valuesInline());
    if (inline && chart.valuesMerge().equals("replace")) {
      return json(inlined);
    }
    ValuesText text = valuesFile(k, chart, chartDir, local);
    JsonNode file = readValues(text.where(), text.text());
    if (!inline) {
      return text.text();
    }
    try {
      JsonNode merged =
          chart.valuesMerge().equals("override")
              ? InlineValues.merge(inlined, file, "")
              : InlineValues.merge(file, inlined, "");
      return json(merged == null ? JSON.createObjectNode() : merged);
    } catch (IllegalArgumentException e) {
      throw new KustomizeException(
          k.file(), 0, "helm chart '" + chart.name() + "': " + e.getMessage());
    }
  }

  /** A values file's text and its name for messages. */
  private record ValuesText(String where, String text) {}

  private ValuesText valuesFile(
      KustomizationFile k, HelmChartArgs chart, Path chartDir, boolean local) {
    String ref = chart.valuesFile();
    if (ref.isEmpty() && local) {
      ref = k.dir().relativize(chartDir.resolve("values.yaml")).toString();
    }
    if (!ref.isEmpty()) {
      // Read through the loader, as kustomize does: the load restriction applies.
      return new ValuesText(ctx.display(k, ref), ctx.readText(k, ref));
    }
    // A pulled chart lives in the inflator's cache, outside the kustomization.
    Path file = chartDir.resolve("values.yaml");
    try {
      return new ValuesText(
          "values.yaml of chart " + chart.name(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new KustomizeException(
          k.file(),
          0,
          "helm chart '" + chart.name() + "': cannot read the chart's values.yaml: " + e);
    }
  }

  private static JsonNode readValues(String where, String text) {
    List<YamlDocument> docs = Documents.read(where, text);
    if (docs.isEmpty()) {
      return JSON.createObjectNode();
    }
    JsonNode content = docs.get(0).content();
    if (!(content instanceof ObjectNode)) {
      throw new KustomizeException(where, 0, "a values file must be a map");
    }
    return content;
  }

  private static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("values cannot be written as JSON", e);
    }
  }
}
