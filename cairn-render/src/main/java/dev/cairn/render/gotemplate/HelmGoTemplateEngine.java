package dev.cairn.render.gotemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlReader;
import dev.cairn.source.artifact.DirectoryTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link GoTemplateEngine} on Helm's template engine (helm-java). One call writes a throwaway
 * chart: each template is a partial {@code templates/_tN.tpl} (Helm parses partials but prints
 * nothing of them), and one manifest prints {@code include "<partial>" .Values.data | b64enc} for
 * each into a ConfigMap, so the data is the template's dot and Helm's YAML handling never sees the
 * text. All templates of a call are evaluated by one {@code helm template}.
 *
 * <p>Helm parses every template before running any, so a parse error in one fails the call; the
 * error names the template. A missing key prints {@code <no value>} (Helm replaces that text in its
 * manifests, which the base64 encoding hides from it); with {@link
 * GoTemplateOptions#missingKeyError()} an output holding {@code <no value>} that neither the
 * template nor the data wrote fails instead, since Go prints exactly that for a missing map key.
 */
final class HelmGoTemplateEngine implements GoTemplateEngine {
  static final HelmGoTemplateEngine INSTANCE = new HelmGoTemplateEngine();

  private static final String CHART = "cairn-gotemplate";
  private static final String NO_VALUE = "<no value>";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PARTIAL =
      Pattern.compile(Pattern.quote(CHART + "/templates/_t") + "(\\d+)" + Pattern.quote(".tpl"));

  private static final Pattern OUT_LINE =
      Pattern.compile(Pattern.quote(CHART + "/templates/out.yaml:") + "(\\d+)(?::\\d+)?");

  /** out.yaml's line of the first include (after apiVersion, kind, metadata, name, data). */
  private static final int FIRST_OUT_LINE = 6;

  private final YamlReader reader = YamlReader.defaults();

  private HelmGoTemplateEngine() {}

  @Override
  public Map<String, String> render(
      Map<String, String> templates, Map<String, Object> data, GoTemplateOptions options)
      throws GoTemplateException {
    if (templates.isEmpty()) {
      return Map.of();
    }
    List<String> names = new ArrayList<>(templates.keySet());
    Path dir = null;
    String output;
    try {
      dir = Files.createTempDirectory("cairn-gotemplate-", ownerOnly());
      Path chart = writeChart(dir, names, templates, data);
      output = new Helm(chart).template().withName("t").withNamespace("default").call();
    } catch (IllegalStateException e) {
      throw failure(names, e.getMessage());
    } catch (IOException e) {
      throw new GoTemplateException(null, "cannot write the template chart: " + e.getMessage());
    } finally {
      if (dir != null) {
        DirectoryTrees.deleteQuietly(dir);
      }
    }
    Map<String, String> results = decode(names, output);
    if (options.missingKeyError()) {
      checkMissingKeys(templates, data, results);
    }
    return results;
  }

  private static Path writeChart(
      Path dir, List<String> names, Map<String, String> templates, Map<String, Object> data)
      throws IOException {
    Path chart = dir.resolve(CHART);
    Path templatesDir = Files.createDirectories(chart.resolve("templates"));
    Files.writeString(
        chart.resolve("Chart.yaml"),
        "apiVersion: v2\nname: " + CHART + "\nversion: 0.1.0\n",
        StandardCharsets.UTF_8);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("data", data == null ? Map.of() : data);
    // JSON is YAML: Helm reads it as the chart's values.
    Files.writeString(chart.resolve("values.yaml"), json(values), StandardCharsets.UTF_8);
    StringBuilder out =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: out\ndata:\n");
    for (int i = 0; i < names.size(); i++) {
      Files.writeString(
          templatesDir.resolve("_t" + i + ".tpl"),
          templates.get(names.get(i)),
          StandardCharsets.UTF_8);
      out.append("  t")
          .append(i)
          .append(": {{ include \"")
          .append(CHART)
          .append("/templates/_t")
          .append(i)
          .append(".tpl\" .Values.data | b64enc | quote }}\n");
    }
    Files.writeString(templatesDir.resolve("out.yaml"), out.toString(), StandardCharsets.UTF_8);
    return chart;
  }

  private Map<String, String> decode(List<String> names, String output) throws GoTemplateException {
    KubeObject configMap;
    try {
      List<KubeObject> objects = reader.readObjects(CHART, output);
      if (objects.size() != 1) {
        throw new GoTemplateException(null, "the template chart printed no result");
      }
      configMap = objects.get(0);
    } catch (ManifestException e) {
      throw new GoTemplateException(null, "cannot read the rendered templates: " + e.getMessage());
    }
    Map<String, String> results = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String encoded = configMap.node().path("data").path("t" + i).asText("");
      results.put(
          names.get(i), new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    }
    return results;
  }

  private static void checkMissingKeys(
      Map<String, String> templates, Map<String, Object> data, Map<String, String> results)
      throws GoTemplateException {
    if (json(data).contains(NO_VALUE)) {
      return; // the data itself prints the marker: the check cannot tell
    }
    for (Map.Entry<String, String> result : results.entrySet()) {
      if (result.getValue().contains(NO_VALUE)
          && !templates.get(result.getKey()).contains(NO_VALUE)) {
        throw new GoTemplateException(
            result.getKey(),
            "template \""
                + result.getKey()
                + "\": map has no entry for a key it reads (missing keys are errors)");
      }
    }
  }

  /** Helm's message with the chart's partial paths replaced by the template names. */
  static GoTemplateException failure(List<String> names, String message) {
    String text = message == null ? "unknown error" : message.strip();
    Matcher m = PARTIAL.matcher(text);
    String failing = null;
    int innermost = -1;
    while (m.find()) {
      int index = Integer.parseInt(m.group(1));
      if (index < names.size()) {
        failing = names.get(index);
        innermost = m.start();
      }
    }
    if (failing == null) {
      // Helm reports execution errors at the include in out.yaml: its line names the template.
      Matcher at = OUT_LINE.matcher(text);
      int index = at.find() ? Integer.parseInt(at.group(1)) - FIRST_OUT_LINE : -1;
      if (index < 0 || index >= names.size()) {
        return new GoTemplateException(null, "go template failed: " + text);
      }
      String detail = text.substring(at.end()).replaceFirst("^\\)?:?\\s*", "");
      detail = detail.replace("\n\nUse --debug flag to render out invalid YAML", "").strip();
      return new GoTemplateException(
          names.get(index), "template \"" + names.get(index) + "\" failed: " + detail);
    }
    // From the innermost mention on: Go's position in the user's template and its words.
    int start = text.lastIndexOf("template: ", innermost);
    String detail = start >= 0 ? text.substring(start) : text.substring(innermost);
    Matcher named = PARTIAL.matcher(detail);
    StringBuilder sb = new StringBuilder();
    while (named.find()) {
      int index = Integer.parseInt(named.group(1));
      String name = index < names.size() ? names.get(index) : named.group();
      named.appendReplacement(sb, Matcher.quoteReplacement(name));
    }
    named.appendTail(sb);
    return new GoTemplateException(failing, "template \"" + failing + "\" failed: " + sb);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("template data is not a JSON-like tree", e);
    }
  }

  private static java.nio.file.attribute.FileAttribute<?> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  }
}
