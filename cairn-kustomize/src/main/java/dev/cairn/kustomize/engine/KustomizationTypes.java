package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.KustomizeException;
import java.util.List;
import java.util.Map;

/**
 * Kustomize decodes kustomization files into typed Go structs: a number or boolean where a string
 * belongs (e.g. {@code newTag: 2}) is an error there, not a silent conversion. This checks the
 * scalar fields whose type matters.
 */
final class KustomizationTypes {
  private static final List<String> TOP_STRINGS = List.of("namePrefix", "nameSuffix", "namespace");
  private static final List<String> STRING_LISTS =
      List.of("resources", "bases", "components", "configurations", "crds");
  private static final Map<String, List<String>> ENTRY_STRINGS =
      Map.of(
          "images", List.of("name", "newName", "newTag", "digest"),
          "imageTags", List.of("name", "newName", "newTag", "digest"),
          "replicas", List.of("name"),
          "configMapGenerator", List.of("name", "namespace", "behavior"),
          "secretGenerator", List.of("name", "namespace", "behavior", "type"));
  private static final List<String> GENERATOR_LISTS = List.of("literals", "files", "envs");
  private static final List<String> STRING_MAPS = List.of("commonLabels", "commonAnnotations");

  private KustomizationTypes() {}

  static void check(JsonNode fields, String file) {
    for (String f : TOP_STRINGS) {
      requireString(fields.get(f), f, file);
    }
    for (String f : STRING_MAPS) {
      requireScalarValues(fields.get(f), f, file);
    }
    for (String f : STRING_LISTS) {
      JsonNode list = fields.get(f);
      if (list != null && list.isArray()) {
        for (JsonNode e : list) {
          requireString(e, f, file);
        }
      }
    }
    ENTRY_STRINGS.forEach(
        (list, names) -> {
          JsonNode entries = fields.get(list);
          if (entries == null || !entries.isArray()) {
            return;
          }
          for (JsonNode entry : entries) {
            for (String n : names) {
              requireString(entry.get(n), list + "." + n, file);
            }
            if (list.endsWith("Generator")) {
              for (String l : GENERATOR_LISTS) {
                for (JsonNode e : entry.path(l)) {
                  requireString(e, list + "." + l, file);
                }
              }
            }
            if (list.equals("replicas")
                && entry.has("count")
                && !entry.get("count").isIntegralNumber()) {
              throw new KustomizeException(
                  file,
                  0,
                  "invalid Kustomization: json: cannot unmarshal "
                      + type(entry.get("count"))
                      + " into field replicas.count of type int64");
            }
          }
        });
  }

  /** A map of strings: kustomize turns scalars into strings but refuses lists and maps. */
  private static void requireScalarValues(JsonNode map, String field, String file) {
    if (map == null || !map.isObject()) {
      return;
    }
    for (JsonNode value : map) {
      if (value.isContainerNode()) {
        throw new KustomizeException(
            file,
            0,
            "invalid Kustomization: json: cannot unmarshal "
                + type(value)
                + " into Go struct field Kustomization."
                + field
                + " of type string");
      }
    }
  }

  private static void requireString(JsonNode value, String field, String file) {
    if (value == null || value.isNull() || value.isTextual()) {
      return;
    }
    throw new KustomizeException(
        file,
        0,
        "invalid Kustomization: json: cannot unmarshal "
            + type(value)
            + " into field "
            + field
            + " of type string (quote the value)");
  }

  private static String type(JsonNode v) {
    if (v.isBoolean()) {
      return "bool";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isArray()) {
      return "array";
    }
    return v.isObject() ? "object" : "string";
  }
}
