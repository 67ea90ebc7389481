package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.sim.cluster.ListSemantics.Kind;
import dev.cairn.sim.cluster.ListSemantics.ListType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Field paths in the element syntax of {@code managedFields[].fieldsV1}: {@code f:spec}, {@code
 * k:{"name":"app"}}, {@code v:"finalizer"} and {@code .} (the map or list item itself). A path is a
 * list of elements; a field set is a set of paths; {@code fieldsV1} is the trie of a field set.
 */
final class FieldPaths {
  /** Value recorded for a {@code .} path: only presence matters. */
  static final JsonNode PRESENT = TextNode.valueOf("<present>");

  private static final Set<String> OWNED_METADATA =
      Set.of("labels", "annotations", "ownerReferences", "finalizers");

  /** Which part of an object a write touches. */
  enum Scope {
    /** Everything but {@code status} when the kind has a status subresource. */
    MAIN,
    /** Only {@code status}. */
    STATUS
  }

  private FieldPaths() {}

  /** Every owned path of {@code object} in {@code scope}, each with its value. */
  static Map<List<String>, JsonNode> flatten(JsonNode object, ResourceType type, Scope scope) {
    Map<List<String>, JsonNode> out = new LinkedHashMap<>();
    ListSemantics lists = new ListSemantics(type);
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.equals("apiVersion") || name.equals("kind")) {
        continue;
      }
      boolean isStatus = name.equals("status");
      boolean inScope = scope == Scope.STATUS ? isStatus : !(isStatus && type.statusSubresource());
      if (!inScope) {
        continue;
      }
      List<String> path = List.of("f:" + name);
      if (name.equals("metadata")) {
        if (scope == Scope.MAIN) {
          walkMetadata(field.getValue(), path, lists, out);
        }
        continue;
      }
      walk(field.getValue(), path, List.of(name), lists, out);
    }
    return out;
  }

  private static void walkMetadata(
      JsonNode metadata, List<String> path, ListSemantics lists, Map<List<String>, JsonNode> out) {
    for (String name : OWNED_METADATA) {
      JsonNode value = metadata.get(name);
      if (value == null || value.isNull()) {
        continue;
      }
      List<String> child = append(path, "f:" + name);
      if (value.isObject()) {
        out.put(append(child, "."), PRESENT);
      }
      walk(value, child, List.of("metadata", name), lists, out);
    }
  }

  private static void walk(
      JsonNode value,
      List<String> path,
      List<String> names,
      ListSemantics lists,
      Map<List<String>, JsonNode> out) {
    if (value.isObject() && value.size() > 0 && !lists.atomicMap(names)) {
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        walk(
            field.getValue(),
            append(path, "f:" + field.getKey()),
            append(names, field.getKey()),
            lists,
            out);
      }
      return;
    }
    if (value.isArray() && value.size() > 0) {
      ListType listType = lists.of(names, value.get(0));
      if (listType.kind() == Kind.MAP && allObjects(value)) {
        for (JsonNode item : value) {
          List<String> itemPath =
              append(path, "k:" + ListSemantics.keyOf(item, listType.keys()).toString());
          out.put(append(itemPath, "."), PRESENT);
          Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
          while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            walk(
                field.getValue(),
                append(itemPath, "f:" + field.getKey()),
                append(names, field.getKey()),
                lists,
                out);
          }
        }
        return;
      }
      if (listType.kind() == Kind.SET) {
        out.put(append(path, "."), PRESENT);
        for (JsonNode item : value) {
          out.put(append(path, "v:" + item.toString()), PRESENT);
        }
        return;
      }
    }
    out.put(path, value);
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isObject()) {
        return false;
      }
    }
    return true;
  }

  static List<String> append(List<String> path, String element) {
    String[] copy = path.toArray(new String[path.size() + 1]);
    copy[path.size()] = element;
    return List.of(copy);
  }

  /** The {@code fieldsV1} trie of a field set, keys sorted as the real server writes them. */
  static ObjectNode toFieldsV1(Set<List<String>> paths) {
    Map<String, Object> root = new TreeMap<>();
    for (List<String> path : paths) {
      Map<String, Object> node = root;
      for (String element : path) {
        @SuppressWarnings("unchecked")
        Map<String, Object> child =
            (Map<String, Object>) node.computeIfAbsent(element, k -> new TreeMap<String, Object>());
        node = child;
      }
    }
    return toNode(root);
  }

  @SuppressWarnings("unchecked")
  private static ObjectNode toNode(Map<String, Object> trie) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    trie.forEach((k, v) -> node.set(k, toNode((Map<String, Object>) v)));
    return node;
  }

  /** The field set a {@code fieldsV1} trie describes. */
  static Set<List<String>> fromFieldsV1(JsonNode fieldsV1) {
    Set<List<String>> paths = new LinkedHashSet<>();
    collect(fieldsV1, List.of(), paths);
    return paths;
  }

  private static void collect(JsonNode node, List<String> prefix, Set<List<String>> out) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      List<String> path = append(prefix, field.getKey());
      if (field.getValue().size() == 0) {
        out.add(path);
      } else {
        collect(field.getValue(), path, out);
      }
    }
  }

  /** {@code .spec.template.spec.containers[name="app"].image}, as conflict messages show it. */
  static String display(List<String> path) {
    StringBuilder sb = new StringBuilder();
    for (String element : path) {
      if (element.startsWith("f:")) {
        sb.append('.').append(element.substring(2));
      } else if (element.startsWith("k:")) {
        sb.append('[');
        JsonNode key = parseJson(element.substring(2));
        Iterator<Map.Entry<String, JsonNode>> it = key.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          sb.append(e.getKey()).append('=').append(e.getValue().toString());
          if (it.hasNext()) {
            sb.append(',');
          }
        }
        sb.append(']');
      } else if (element.startsWith("v:")) {
        sb.append('[').append(element.substring(2)).append(']');
      }
    }
    return sb.toString();
  }

  /** Removes the field, list item or value {@code path} names from {@code root}, if present. */
  static void remove(ObjectNode root, List<String> path) {
    if (path.isEmpty()) {
      return;
    }
    String last = path.get(path.size() - 1);
    if (last.equals(".")) {
      remove(root, path.subList(0, path.size() - 1));
      return;
    }
    JsonNode parent = navigate(root, path.subList(0, path.size() - 1));
    if (parent == null) {
      return;
    }
    if (last.startsWith("f:") && parent.isObject()) {
      ((ObjectNode) parent).remove(last.substring(2));
    } else if (parent.isArray()) {
      int index = indexOf((ArrayNode) parent, last);
      if (index >= 0) {
        ((ArrayNode) parent).remove(index);
      }
    }
  }

  /** The node a path leads to, or null. */
  static JsonNode navigate(JsonNode root, List<String> path) {
    JsonNode node = root;
    for (String element : path) {
      if (node == null) {
        return null;
      }
      if (element.startsWith("f:")) {
        node = node.isObject() ? node.get(element.substring(2)) : null;
      } else if (element.equals(".")) {
        continue;
      } else if (node.isArray()) {
        int index = indexOf((ArrayNode) node, element);
        node = index < 0 ? null : node.get(index);
      } else {
        return null;
      }
    }
    return node;
  }

  private static int indexOf(ArrayNode array, String element) {
    if (element.startsWith("v:")) {
      JsonNode value = parseJson(element.substring(2));
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).equals(value)) {
          return i;
        }
      }
    } else if (element.startsWith("k:")) {
      JsonNode key = parseJson(element.substring(2));
      List<String> keyNames = new ArrayList<>();
      key.fieldNames().forEachRemaining(keyNames::add);
      for (int i = 0; i < array.size(); i++) {
        if (ListSemantics.keyOf(array.get(i), keyNames).equals(key)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static JsonNode parseJson(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a field path element: " + json, e);
    }
  }
}
