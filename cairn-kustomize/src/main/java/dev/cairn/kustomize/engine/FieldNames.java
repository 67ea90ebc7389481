package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kustomize decodes a kustomization with Go's {@code encoding/json}, which matches a struct field
 * name exactly or, failing that, ignoring case ({@code patchesJSON6902}, {@code Resources}). This
 * renames such keys to their canonical spelling in the struct-shaped parts of a kustomization; map
 * keys (labels, annotations, patch options) are data and keep their case. A key matching no field
 * is kept as written, so it is still refused as unknown. When two spellings of one field appear,
 * the later one wins, as in Go.
 */
final class FieldNames {
  /** The fields of a struct; a field's shape is that of its value or of each element. */
  private record Shape(Map<String, Shape> fields, Map<String, String> folded) {
    static Shape of(Map<String, Shape> fields) {
      Map<String, String> folded = new HashMap<>();
      fields.keySet().forEach(f -> folded.putIfAbsent(f.toLowerCase(Locale.ROOT), f));
      return new Shape(fields, folded);
    }
  }

  private static final Shape LEAF = Shape.of(Map.of());
  private static final Shape SELECTOR =
      leaves(
          "group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector");
  private static final Shape FIELD_SPEC = leaves("group", "version", "kind", "path", "create");
  private static final Shape GENERATOR_OPTIONS =
      leaves("labels", "annotations", "disableNameSuffixHash", "immutable");
  private static final Shape IMAGE = leaves("name", "newName", "newTag", "digest");
  private static final Shape REPLACEMENT = replacement();
  private static final Shape TOP = top();
  private static final Shape PLUGIN = plugin();

  private FieldNames() {}

  /** The kustomization's fields with keys spelled as kustomize's types spell them. */
  static ObjectNode canonical(ObjectNode fields) {
    return canonical(fields, TOP);
  }

  /** A built-in plugin configuration's fields, spelled as kustomize's plugin types spell them. */
  static ObjectNode canonicalPlugin(ObjectNode config) {
    return canonical(config, PLUGIN);
  }

  private static Shape leaves(String... names) {
    Map<String, Shape> m = new HashMap<>();
    for (String n : names) {
      m.put(n, LEAF);
    }
    return Shape.of(m);
  }

  private static Shape with(Shape base, Map<String, Shape> more) {
    Map<String, Shape> m = new HashMap<>(base.fields());
    m.putAll(more);
    return Shape.of(m);
  }

  private static Shape replacement() {
    Shape options = leaves("delimiter", "index", "create");
    return with(
        leaves("path"),
        Map.of(
            "source",
            with(SELECTOR, Map.of("fieldPath", LEAF, "options", options)),
            "targets",
            with(
                leaves("fieldPaths"),
                Map.of("select", SELECTOR, "reject", SELECTOR, "options", options))));
  }

  private static Shape top() {
    Shape generator =
        with(
            leaves("name", "namespace", "behavior", "literals", "files", "envs", "env", "type"),
            Map.of("options", GENERATOR_OPTIONS));
    Shape patch = with(leaves("path", "patch", "options"), Map.of("target", SELECTOR));
    Map<String, Shape> top = new HashMap<>();
    for (String f : KustomizationFile.KNOWN) {
      top.put(f, LEAF);
    }
    top.putAll(
        Map.of(
            "patches", patch,
            "patchesJson6902", patch,
            "images", IMAGE,
            "imageTags", IMAGE,
            "replicas", leaves("name", "count"),
            "labels",
                with(
                    leaves("pairs", "includeSelectors", "includeTemplates"),
                    Map.of("fields", FIELD_SPEC)),
            "replacements", REPLACEMENT,
            "configMapGenerator", generator,
            "secretGenerator", generator,
            "generatorOptions", GENERATOR_OPTIONS));
    top.put(
        "sortOptions",
        with(leaves("order"), Map.of("legacySortOptions", leaves("orderFirst", "orderLast"))));
    return Shape.of(top);
  }

  /** The union of the built-in plugins' fields (each plugin reads only its own). */
  private static Shape plugin() {
    Map<String, Shape> fields = new HashMap<>();
    for (String leaf :
        List.of(
            "apiVersion",
            "kind",
            "labels",
            "annotations",
            "prefix",
            "suffix",
            "unsetOnly",
            "setRoleBindingSubjects",
            "path",
            "patch",
            "jsonOp",
            "paths",
            "patches",
            "value",
            "targetFilePath",
            "name",
            "namespace",
            "behavior",
            "type",
            "literals",
            "files",
            "envs")) {
      fields.put(leaf, LEAF);
    }
    fields.put("metadata", leaves("name", "namespace", "labels", "annotations"));
    fields.put("fieldSpecs", FIELD_SPEC);
    fields.put("imageTag", IMAGE);
    fields.put("replica", leaves("name", "count"));
    fields.put("target", SELECTOR);
    fields.put("replacements", REPLACEMENT);
    fields.put("options", GENERATOR_OPTIONS);
    fields.put(
        "targets", with(leaves("fieldPath", "filePathPosition"), Map.of("selector", SELECTOR)));
    return Shape.of(fields);
  }

  private static ObjectNode canonical(ObjectNode node, Shape shape) {
    if (shape.fields().isEmpty()) {
      return node;
    }
    boolean exact = true;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      if (!shape.fields().containsKey(it.next())) {
        exact = false;
      }
    }
    ObjectNode out = node;
    if (!exact) {
      out = JsonNodeFactory.instance.objectNode();
      for (var e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        String key = e.getKey();
        if (!shape.fields().containsKey(key)) {
          key = shape.folded().getOrDefault(key.toLowerCase(Locale.ROOT), key);
        }
        out.set(key, e.getValue());
      }
    }
    for (var e : shape.fields().entrySet()) {
      JsonNode value = out.get(e.getKey());
      if (e.getValue().fields().isEmpty() || value == null) {
        continue;
      }
      if (value instanceof ObjectNode o) {
        out.set(e.getKey(), canonical(o, e.getValue()));
      } else if (value instanceof ArrayNode a) {
        for (int i = 0; i < a.size(); i++) {
          if (a.get(i) instanceof ObjectNode o) {
            a.set(i, canonical(o, e.getValue()));
          }
        }
      }
    }
    return out;
  }
}
