package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.KustomizeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed kustomization file: its directory, file name for messages and its fields. */
public final class KustomizationFile {
  static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  static final Set<String> KNOWN =
      Set.of(
          "apiVersion",
          "kind",
          "metadata",
          "openapi",
          "namePrefix",
          "nameSuffix",
          "namespace",
          "commonLabels",
          "labels",
          "commonAnnotations",
          "patchesStrategicMerge",
          "patchesJson6902",
          "patches",
          "images",
          "imageTags",
          "replacements",
          "replicas",
          "vars",
          "sortOptions",
          "resources",
          "crds",
          "bases",
          "components",
          "configMapGenerator",
          "secretGenerator",
          "helmGlobals",
          "helmCharts",
          "helmChartInflationGenerator",
          "generatorOptions",
          "configurations",
          "generators",
          "transformers",
          "validators",
          "buildMetadata");

  private static final Set<String> UNSUPPORTED = Set.of("crds");

  /**
   * The legacy field of kustomize's Helm generator, refused as kustomize refuses it without {@code
   * --enable-helm} ({@code helmCharts} itself is {@code HelmChartGenerator}'s).
   */
  private static final List<String> HELM = List.of("helmChartInflationGenerator");

  private final Path dir;
  private final String file;
  private final ObjectNode fields;

  private KustomizationFile(Path dir, String file, ObjectNode fields) {
    this.dir = dir;
    this.file = file;
    this.fields = fields;
  }

  /** Validates the fields of a kustomization file read from {@code file} in {@code dir}. */
  public static KustomizationFile of(Path dir, String file, JsonNode content) {
    if (content == null || content.isNull() || content.isMissingNode()) {
      content = JsonNodeFactory.instance.objectNode();
    }
    if (!(content instanceof ObjectNode given)) {
      throw new KustomizeException(file, 0, "invalid Kustomization: not a map");
    }
    ObjectNode fields = FieldNames.canonical(given);
    var it = fields.fieldNames();
    while (it.hasNext()) {
      String name = it.next();
      if (!KNOWN.contains(name)) {
        throw new KustomizeException(
            file, 0, "invalid Kustomization: json: unknown field \"" + name + "\"");
      }
      if (UNSUPPORTED.contains(name) && !isEmpty(fields.get(name))) {
        throw new KustomizeException(
            file, 0, "field '" + name + "' is not supported by Cairn's kustomize engine");
      }
    }
    checkEntries(fields, file);
    KustomizationTypes.check(fields, file);
    refuseHelm(fields, file);
    boolean onlyTypeMeta = true;
    for (var names = fields.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("apiVersion") && !name.equals("kind")) {
        onlyTypeMeta = false;
      }
    }
    if (onlyTypeMeta) {
      throw new KustomizeException(file, 0, "kustomization file is empty");
    }
    String kind = fields.path("kind").asText("Kustomization");
    if (!kind.equals("Kustomization") && !kind.equals("Component")) {
      throw new KustomizeException(
          file, 0, "kind '" + kind + "' is not Kustomization or Component");
    }
    return new KustomizationFile(dir, file, fields);
  }

  /**
   * A kustomization made of fields given by a plugin configuration, read as if written in {@code
   * k}: paths it names are relative to {@code k}'s directory, as kustomize's plugin helpers load
   * them.
   */
  static KustomizationFile synthetic(KustomizationFile k, ObjectNode fields) {
    return new KustomizationFile(k.dir, k.file, fields);
  }

  /** Like kustomize without {@code --enable-helm}: a chart to inflate fails the build. */
  private static void refuseHelm(ObjectNode fields, String file) {
    for (String field : HELM) {
      JsonNode charts = fields.get(field);
      if (charts != null && charts.isArray() && !charts.isEmpty()) {
        JsonNode first = charts.get(0);
        String name = first.path("name").asText(first.path("chartName").asText(""));
        throw new KustomizeException(
            file,
            0,
            "trouble configuring builtin HelmChartInflationGenerator with config: `name: "
                + name
                + "`: must specify --enable-helm");
      }
    }
  }

  private static final Map<String, Set<String>> ENTRY_FIELDS =
      Map.of(
          "patches", Set.of("path", "patch", "target", "options"),
          "patchesJson6902", Set.of("path", "patch", "target"),
          "images", Set.of("name", "newName", "newTag", "digest"),
          "imageTags", Set.of("name", "newName", "newTag", "digest"),
          "replicas", Set.of("name", "count"),
          "labels", Set.of("pairs", "includeSelectors", "includeTemplates", "fields"),
          "replacements", Set.of("path", "source", "targets"),
          "vars", Set.of("name", "objref", "fieldref"),
          "helmCharts", HelmChartEntries.FIELDS);

  /** Like kustomize's strict decoding: list entries of known shape may not carry unknown keys. */
  private static void checkEntries(ObjectNode fields, String file) {
    ENTRY_FIELDS.forEach(
        (field, allowed) -> {
          JsonNode list = fields.get(field);
          if (list == null || !list.isArray()) {
            return;
          }
          for (JsonNode entry : list) {
            if (!entry.isObject()) {
              continue;
            }
            entry
                .fieldNames()
                .forEachRemaining(
                    name -> {
                      if (!allowed.contains(name)) {
                        throw new KustomizeException(
                            file,
                            0,
                            "invalid Kustomization: json: unknown field \""
                                + name
                                + "\" in an entry of '"
                                + field
                                + "'");
                      }
                    });
          }
        });
  }

  private static boolean isEmpty(JsonNode n) {
    return n == null || n.isNull() || (n.isContainerNode() && n.isEmpty());
  }

  private static String goType(JsonNode v) {
    if (v.isBoolean()) {
      return "bool";
    }
    if (v.isNumber()) {
      return "number";
    }
    return v.isArray() ? "array" : "object";
  }

  public Path dir() {
    return dir;
  }

  public String file() {
    return file;
  }

  public boolean isComponent() {
    return fields.path("kind").asText("").equals("Component");
  }

  public JsonNode get(String field) {
    JsonNode n = fields.get(field);
    return n == null || n.isNull() ? null : n;
  }

  public String text(String field) {
    JsonNode n = get(field);
    return n == null ? "" : n.asText();
  }

  /** A list field; an absent field is empty. */
  public List<JsonNode> list(String field) {
    JsonNode n = get(field);
    List<JsonNode> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (!(n instanceof ArrayNode a)) {
      throw new KustomizeException(file, 0, "field '" + field + "' must be a list");
    }
    a.forEach(out::add);
    return out;
  }

  /** A string list field such as resources. */
  public List<String> strings(String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : list(field)) {
      if (!n.isValueNode()) {
        throw new KustomizeException(file, 0, "field '" + field + "' must list strings");
      }
      out.add(n.asText());
    }
    return out;
  }

  /** A string map field such as commonLabels; values become strings. */
  public Map<String, String> stringMap(String field) {
    return stringMap(get(field), file, field);
  }

  static Map<String, String> stringMap(JsonNode n, String file, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      throw new KustomizeException(file, 0, "field '" + field + "' must be a map");
    }
    n.fields()
        .forEachRemaining(
            e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    return out;
  }
}
