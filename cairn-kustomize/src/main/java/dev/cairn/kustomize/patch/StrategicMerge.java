package dev.cairn.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.patch.PatchSchema.Field;
import dev.cairn.kustomize.patch.PatchSchema.ListStrategy;
import dev.cairn.kustomize.patch.PatchSchema.SchemaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch as kustomize applies it: maps merge, {@code null} deletes a field, lists
 * with a merge key (from {@link PatchSchema}) merge element by element with the patch's elements
 * first, scalar lists with strategy merge become the union (patch values first), other lists are
 * replaced. Only {@code $patch: delete|replace} is a directive: like kustomize v5.5.0, keys such as
 * {@code $retainKeys} or {@code $setElementOrder/<field>} are kept as ordinary fields.
 */
public final class StrategicMerge {
  private static final String DIRECTIVE = "$patch";

  private StrategicMerge() {}

  /**
   * Merges {@code patch} into {@code target} (modified in place) and returns the result, or null
   * when the patch deletes the whole object.
   */
  public static ObjectNode apply(ObjectNode target, ObjectNode patch, SchemaType rootType) {
    return mergeMap(target, patch, rootType);
  }

  static ObjectNode mergeMap(ObjectNode target, ObjectNode patch, SchemaType type) {
    JsonNode directive = patch.get(DIRECTIVE);
    if (directive != null) {
      String d = directive.asText();
      if (d.equals("delete")) {
        return null;
      }
      if (d.equals("replace")) {
        return (ObjectNode) clean(patch);
      }
      throw new PatchException("unknown patch directive '$patch: " + d + "'");
    }
    Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (value.isNull()) {
        target.remove(key);
        continue;
      }
      Field field = type == null ? null : type.field(key);
      JsonNode existing = target.get(key);
      if (existing == null || existing.isNull()) {
        JsonNode added = clean(value);
        if (added != null) {
          target.set(key, added);
        }
      } else if (existing.isObject() && value.isObject()) {
        ObjectNode merged =
            mergeMap(
                (ObjectNode) existing, (ObjectNode) value, field == null ? null : field.type());
        if (merged == null) {
          target.remove(key);
        } else {
          target.set(key, merged);
        }
      } else if (existing.isArray() && value.isArray()) {
        target.set(key, mergeList((ArrayNode) existing, (ArrayNode) value, field));
      } else {
        target.set(key, clean(value));
      }
    }
    return target;
  }

  private static JsonNode mergeList(ArrayNode target, ArrayNode patch, Field field) {
    if (field == null || field.strategy() == ListStrategy.REPLACE) {
      return clean(patch);
    }
    if (field.strategy() == ListStrategy.MERGE_AS_SET) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      Set<JsonNode> seen = new HashSet<>();
      for (JsonNode v : patch) {
        if (seen.add(v)) {
          out.add(v);
        }
      }
      for (JsonNode v : target) {
        if (seen.add(v)) {
          out.add(v);
        }
      }
      return out;
    }
    for (JsonNode element : patch) {
      if (element.isObject() && "replace".equals(element.path(DIRECTIVE).asText(null))) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode e : patch) {
          if (!(e.isObject() && e.has(DIRECTIVE))) {
            out.add(clean(e));
          }
        }
        return out;
      }
    }
    return mergeByKey(target, patch, field);
  }

  /** Merges element by element on the field's merge key(s), patch elements first. */
  private static JsonNode mergeByKey(ArrayNode target, ArrayNode patch, Field field) {
    if (!field.extraKeys().isEmpty()) {
      return MultiKeyMerge.merge(target, patch, field);
    }
    String key = field.key();
    List<JsonNode> dest = new ArrayList<>();
    target.forEach(dest::add);
    Set<JsonNode> touched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode element : patch) {
      JsonNode k = element.isObject() ? element.get(key) : null;
      if (k == null) {
        out.add(clean(element));
        continue;
      }
      JsonNode existing = null;
      boolean samePrimaryKey = false;
      for (JsonNode candidate : dest) {
        if (!touched.contains(candidate) && k.equals(candidate.get(key))) {
          samePrimaryKey = true;
          if (extraKeysEqual(candidate, element, field.extraKeys())) {
            existing = candidate;
            break;
          }
        }
      }
      boolean delete = "delete".equals(element.path(DIRECTIVE).asText(null));
      if (existing != null) {
        touched.add(existing);
        if (!delete && existing.isObject()) {
          ObjectNode merged = mergeMap((ObjectNode) existing, (ObjectNode) element, field.type());
          if (merged != null) {
            out.add(merged);
          }
        }
      } else if (!delete && !samePrimaryKey) {
        JsonNode added = clean(element);
        if (added != null) {
          out.add(added);
        }
      }
    }
    for (JsonNode element : dest) {
      if (!touched.contains(element)) {
        out.add(element);
      }
    }
    return out;
  }

  private static boolean extraKeysEqual(JsonNode a, JsonNode b, List<String> keys) {
    for (String k : keys) {
      JsonNode x = a.get(k);
      JsonNode y = b.get(k);
      if (x == null ? y != null : !x.equals(y)) {
        return false;
      }
    }
    return true;
  }

  /** A copy of a patch value with nulls and directives removed, or null if it deletes itself. */
  static JsonNode clean(JsonNode value) {
    if (value.isObject()) {
      if ("delete".equals(value.path(DIRECTIVE).asText(null))) {
        return null;
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      value
          .fields()
          .forEachRemaining(
              e -> {
                String k = e.getKey();
                if (k.equals(DIRECTIVE) || e.getValue().isNull()) {
                  return;
                }
                JsonNode c = clean(e.getValue());
                if (c != null) {
                  out.set(k, c);
                }
              });
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode e : value) {
        JsonNode c = clean(e);
        if (c != null) {
          out.add(c);
        }
      }
      return out;
    }
    return value;
  }
}
