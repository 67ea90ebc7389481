package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
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
  private static final Shape TOP = top();

  private FieldNames() {}

  /** The kustomization's fields with keys spelled as kustomize's types spell them. */
  static ObjectNode canonical(ObjectNode fields) {
    return canonical(fields, TOP);
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

  private static Shape top() {
    Shape selector =
        leaves(
            "group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector");
    Shape fieldSpec = leaves("group", "version", "kind", "path", "create");
    Shape genOptions = leaves("labels", "annotations", "disableNameSuffixHash", "immutable");
    Shape generator =
        with(
            leaves("name", "namespace", "behavior", "literals", "files", "envs", "env", "type"),
            Map.of("options", genOptions));
    Shape replacementOptions = leaves("delimiter", "index", "create");
    Shape replacement =
        with(
            leaves("path"),
            Map.of(
                "source",
                with(selector, Map.of("fieldPath", LEAF, "options", replacementOptions)),
                "targets",
                with(
                    leaves("fieldPaths"),
                    Map.of(
                        "select", selector, "reject", selector, "options", replacementOptions))));
    Shape patch = with(leaves("path", "patch", "options"), Map.of("target", selector));
    Shape image = leaves("name", "newName", "newTag", "digest");
    Map<String, Shape> top = new HashMap<>();
    for (String f : KustomizationFile.KNOWN) {
      top.put(f, LEAF);
    }
    top.putAll(
        Map.of(
            "patches", patch,
            "patchesJson6902", patch,
            "images", image,
            "imageTags", image,
            "replicas", leaves("name", "count"),
            "labels",
                with(
                    leaves("pairs", "includeSelectors", "includeTemplates"),
                    Map.of("fields", fieldSpec)),
            "replacements", replacement,
            "configMapGenerator", generator,
            "secretGenerator", generator,
            "generatorOptions", genOptions));
    top.put(
        "sortOptions",
        with(leaves("order"), Map.of("legacySortOptions", leaves("orderFirst", "orderLast"))));
    return Shape.of(top);
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
