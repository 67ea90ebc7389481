package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.sim.cluster.ListSemantics.Kind;
import dev.cairn.sim.cluster.ListSemantics.ListType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The three ways the simulated server merges a partial object into a live one: server-side apply
 * (granular maps, lists by their list type), strategic merge patch (the same, plus {@code $patch}
 * directives) and JSON merge patch (RFC 7386: lists replaced whole, null deletes).
 */
final class ObjectMerge {
  private final ListSemantics lists;

  ObjectMerge(ResourceType type) {
    this.lists = new ListSemantics(type);
  }

  /** Merges {@code patch} into {@code target} (mutated) the way apply and strategic merge do. */
  void structural(ObjectNode target, JsonNode patch, boolean strategic) {
    mergeObject(target, patch, List.of(), strategic);
  }

  private void mergeObject(ObjectNode target, JsonNode patch, List<String> names, boolean smp) {
    if (smp && "replace".equals(patch.path("$patch").asText())) {
      target.removeAll();
      patch.fields().forEachRemaining(f -> copyField(target, f, smp));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.startsWith("$")) {
        continue;
      }
      JsonNode value = field.getValue();
      JsonNode current = target.get(name);
      List<String> childNames = FieldPaths.append(names, name);
      if (value.isNull()) {
        target.remove(name);
      } else if (value.isObject()
          && current != null
          && current.isObject()
          && (smp || !lists.atomicMap(childNames))) {
        mergeObject((ObjectNode) current, value, childNames, smp);
      } else if (value.isArray()) {
        target.set(name, mergeList(current, (ArrayNode) value, childNames, smp));
      } else {
        target.set(name, stripDirectives(value.deepCopy()));
      }
    }
  }

  private void copyField(ObjectNode target, Map.Entry<String, JsonNode> field, boolean smp) {
    if (!field.getKey().startsWith("$") && !field.getValue().isNull()) {
      target.set(
          field.getKey(), smp ? stripDirectives(field.getValue().deepCopy()) : field.getValue());
    }
  }

  private JsonNode mergeList(JsonNode current, ArrayNode patch, List<String> names, boolean smp) {
    ListType type =
        lists.of(names, patch.isEmpty() ? current == null ? null : current.get(0) : patch.get(0));
    if (current == null || !current.isArray() || type.kind() == Kind.ATOMIC) {
      return stripDirectives(patch.deepCopy());
    }
    ArrayNode result = ((ArrayNode) current).deepCopy();
    if (type.kind() == Kind.SET) {
      for (JsonNode item : patch) {
        if (!contains(result, item)) {
          result.add(item.deepCopy());
        }
      }
      return result;
    }
    for (JsonNode item : patch) {
      if (!item.isObject()) {
        return stripDirectives(patch.deepCopy());
      }
      int index = indexByKey(result, item, type.keys());
      if (smp && "delete".equals(item.path("$patch").asText())) {
        if (index >= 0) {
          result.remove(index);
        }
      } else if (index >= 0) {
        mergeObject((ObjectNode) result.get(index), item, names, smp);
      } else {
        result.add(stripDirectives(item.deepCopy()));
      }
    }
    return result;
  }

  private static boolean contains(ArrayNode array, JsonNode value) {
    for (JsonNode item : array) {
      if (item.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static int indexByKey(ArrayNode array, JsonNode item, List<String> keys) {
    for (int i = 0; i < array.size(); i++) {
      if (ListSemantics.sameKey(array.get(i), item, keys)) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode stripDirectives(JsonNode node) {
    if (node.isObject()) {
      List<String> directives = new ArrayList<>();
      node.fieldNames()
          .forEachRemaining(
              n -> {
                if (n.startsWith("$")) {
                  directives.add(n);
                }
              });
      ((ObjectNode) node).remove(directives);
      node.forEach(ObjectMerge::stripDirectives);
    } else if (node.isArray()) {
      node.forEach(ObjectMerge::stripDirectives);
    }
    return node;
  }

  /** RFC 7386 JSON merge patch; returns the merged document. */
  static JsonNode jsonMergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : Json.MAPPER.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), jsonMergePatch(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }
}
