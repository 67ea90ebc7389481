package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cairn.kustomize.HelmChartArgs;
import dev.cairn.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a kustomization's {@code helmCharts} entries and {@code helmGlobals} into {@link
 * HelmChartArgs}, checking each field's type the way kustomize's strict decoding does.
 */
final class HelmChartEntries {
  static final Set<String> FIELDS =
      Set.of(
          "name",
          "version",
          "repo",
          "releaseName",
          "namespace",
          "valuesFile",
          "valuesInline",
          "valuesMerge",
          "additionalValuesFiles",
          "includeCRDs",
          "skipHooks",
          "skipTests",
          "apiVersions",
          "kubeVersion",
          "nameTemplate",
          "debug");
  private static final Set<String> GLOBALS = Set.of("chartHome", "configHome");
  private static final ObjectMapper JSON = new ObjectMapper();

  private HelmChartEntries() {}

  /** The charts of {@code k}, in the order listed. */
  static List<HelmChartArgs> of(KustomizationFile k) {
    JsonNode globals = k.get("helmGlobals");
    if (globals != null && !globals.isObject()) {
      throw error(k, "helmGlobals", "must be a map");
    }
    if (globals != null) {
      globals
          .fieldNames()
          .forEachRemaining(
              f -> {
                if (!GLOBALS.contains(f)) {
                  throw error(k, "helmGlobals", "unknown field \"" + f + "\"");
                }
              });
    }
    List<HelmChartArgs> charts = new ArrayList<>();
    for (JsonNode entry : k.list("helmCharts")) {
      if (!entry.isObject()) {
        throw error(k, "helmCharts", "each entry must be a map");
      }
      charts.add(chart(k, entry, globals == null ? MissingNode.getInstance() : globals));
    }
    return charts;
  }

  private static HelmChartArgs chart(KustomizationFile k, JsonNode e, JsonNode globals) {
    if (!text(k, e, "nameTemplate").isEmpty()) {
      throw new KustomizeException(
          k.file(), 0, "helmCharts: 'nameTemplate' is not supported by Cairn; use releaseName");
    }
    // debug only changes what the helm binary prints on failure: read and ignored.
    bool(k, e, "debug");
    return new HelmChartArgs(
        text(k, e, "name"),
        text(k, e, "version"),
        text(k, e, "repo"),
        text(k, e, "releaseName"),
        text(k, e, "namespace"),
        text(k, e, "valuesFile"),
        values(k, e),
        text(k, e, "valuesMerge"),
        strings(k, e, "additionalValuesFiles"),
        bool(k, e, "includeCRDs"),
        bool(k, e, "skipHooks"),
        bool(k, e, "skipTests"),
        strings(k, e, "apiVersions"),
        text(k, e, "kubeVersion"),
        text(k, globals, "chartHome"),
        text(k, globals, "configHome"));
  }

  /** The text of a scalar field. */
  static String text(KustomizationFile k, JsonNode entry, String field) {
    JsonNode v = entry.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isValueNode()) {
      throw error(k, field, "must be a string");
    }
    return v.asText();
  }

  private static boolean bool(KustomizationFile k, JsonNode entry, String field) {
    JsonNode v = entry.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw error(k, field, "must be true or false");
    }
    return v.booleanValue();
  }

  private static List<String> strings(KustomizationFile k, JsonNode entry, String field) {
    JsonNode v = entry.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw error(k, field, "must be a list of strings");
    }
    for (JsonNode item : v) {
      if (!item.isValueNode()) {
        throw error(k, field, "must be a list of strings");
      }
      out.add(item.asText());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> values(KustomizationFile k, JsonNode entry) {
    JsonNode v = entry.get("valuesInline");
    if (v == null || v.isNull()) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw error(k, "valuesInline", "must be a map");
    }
    return JSON.convertValue(v, LinkedHashMap.class);
  }

  private static KustomizeException error(KustomizationFile k, String field, String what) {
    return new KustomizeException(k.file(), 0, "invalid helmCharts: '" + field + "' " + what);
  }
}
