package dev.cairn.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One configMapGenerator or secretGenerator entry with the kustomization's generatorOptions merged
 * in as kustomize does: entry labels and annotations win key by key, and a flag is set when either
 * side sets it.
 */
public record GeneratorArgs(
    String kind,
    String name,
    String namespace,
    String behavior,
    String type,
    List<String> literals,
    List<String> files,
    List<String> envs,
    Map<String, String> labels,
    Map<String, String> annotations,
    boolean disableNameSuffixHash,
    boolean immutable) {

  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "namespace",
          "behavior",
          "type",
          "literals",
          "files",
          "envs",
          "env",
          "options",
          "kvSources");

  public static GeneratorArgs of(String kind, JsonNode entry, JsonNode global, String file) {
    if (!entry.isObject()) {
      throw new KustomizeException(file, 0, kind + " generator entries must be maps");
    }
    entry
        .fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                throw new KustomizeException(
                    file, 0, "invalid Kustomization: json: unknown field \"" + f + "\"");
              }
            });
    JsonNode local = entry.path("options");
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> annotations = new LinkedHashMap<>();
    putAll(labels, global.path("labels"));
    putAll(labels, local.path("labels"));
    putAll(annotations, global.path("annotations"));
    putAll(annotations, local.path("annotations"));
    // As in kustomize, a per-entry false is Go's zero value and cannot undo a global true.
    boolean disable =
        local.path("disableNameSuffixHash").asBoolean(false)
            || global.path("disableNameSuffixHash").asBoolean(false);
    boolean immutable =
        local.path("immutable").asBoolean(false) || global.path("immutable").asBoolean(false);
    List<String> envs = strings(entry.path("envs"));
    if (entry.path("env").isTextual()) {
      envs.add(entry.get("env").asText());
    }
    String name = entry.path("name").asText("");
    if (name.isEmpty()) {
      throw new KustomizeException(file, 0, kind + " generator entry needs a name");
    }
    return new GeneratorArgs(
        kind,
        name,
        entry.path("namespace").asText(""),
        entry.path("behavior").asText("create"),
        entry.path("type").asText(""),
        strings(entry.path("literals")),
        strings(entry.path("files")),
        envs,
        labels,
        annotations,
        disable,
        immutable);
  }

  private static void putAll(Map<String, String> into, JsonNode map) {
    if (map.isObject()) {
      map.fields().forEachRemaining(e -> into.put(e.getKey(), e.getValue().asText()));
    }
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    if (list.isArray()) {
      list.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
