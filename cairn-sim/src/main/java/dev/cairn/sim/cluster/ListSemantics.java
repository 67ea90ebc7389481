package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How server-side apply (and strategic merge) treats a list: atomic (replaced whole), a set of
 * scalars, or a map keyed by some fields of its items. Built-in kinds use the list types of the
 * Kubernetes API (containers by name, ports by containerPort+protocol, ...); custom resources use
 * {@code x-kubernetes-list-type} / {@code x-kubernetes-list-map-keys} from their schema, and are
 * atomic otherwise.
 */
final class ListSemantics {

  enum Kind {
    ATOMIC,
    SET,
    MAP
  }

  record ListType(Kind kind, List<String> keys) {
    static final ListType ATOMIC = new ListType(Kind.ATOMIC, List.of());
    static final ListType SET = new ListType(Kind.SET, List.of());

    static ListType map(String... keys) {
      return new ListType(Kind.MAP, List.of(keys));
    }
  }

  private static final Map<String, ListType> BUILT_IN =
      Map.ofEntries(
          Map.entry("containers", ListType.map("name")),
          Map.entry("initContainers", ListType.map("name")),
          Map.entry("ephemeralContainers", ListType.map("name")),
          Map.entry("env", ListType.map("name")),
          Map.entry("volumes", ListType.map("name")),
          Map.entry("volumeMounts", ListType.map("mountPath")),
          Map.entry("volumeDevices", ListType.map("devicePath")),
          Map.entry("imagePullSecrets", ListType.map("name")),
          Map.entry("hostAliases", ListType.map("ip")),
          Map.entry("resourceClaims", ListType.map("name")),
          Map.entry("schedulingGates", ListType.map("name")),
          Map.entry("conditions", ListType.map("type")),
          Map.entry("topologySpreadConstraints", ListType.map("topologyKey", "whenUnsatisfiable")));

  private static final java.util.Set<String> ATOMIC_MAPS =
      java.util.Set.of(
          "selector", "podSelector", "namespaceSelector", "labelSelector", "nodeSelector");

  private final ResourceType type;

  ListSemantics(ResourceType type) {
    this.type = type;
  }

  /**
   * The list type of the list at {@code names} (field names from the object root, list items
   * skipped), given one sample item to tell container ports from service ports.
   */
  ListType of(List<String> names, JsonNode sample) {
    String field = names.get(names.size() - 1);
    if (names.size() == 2 && names.get(0).equals("metadata")) {
      if (field.equals("finalizers")) {
        return ListType.SET;
      }
      if (field.equals("ownerReferences")) {
        return ListType.map("uid");
      }
      return ListType.ATOMIC;
    }
    if (type.custom()) {
      return fromSchema(names);
    }
    if (field.equals("ports")) {
      if (sample != null && sample.has("containerPort")) {
        return ListType.map("containerPort", "protocol");
      }
      if (sample != null && sample.has("port") && type.plural().equals("services")) {
        return ListType.map("port", "protocol");
      }
      return ListType.ATOMIC;
    }
    return BUILT_IN.getOrDefault(field, ListType.ATOMIC);
  }

  /**
   * Whether the map at {@code names} is atomic for server-side apply: owned and replaced as one
   * value. Built-in kinds: label selectors ({@code metav1.LabelSelector} is {@code
   * +structType=atomic} in staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go) and the
   * {@code +mapType=atomic} maps Service and ReplicationController {@code spec.selector} and pod
   * {@code nodeSelector} (staging/src/k8s.io/api/core/v1/types.go). Custom resources: {@code
   * x-kubernetes-map-type: atomic} in the schema.
   */
  boolean atomicMap(List<String> names) {
    if (names.isEmpty() || names.get(0).equals("metadata")) {
      return false;
    }
    if (!type.custom()) {
      return ATOMIC_MAPS.contains(names.get(names.size() - 1));
    }
    JsonNode node = schemaAt(names);
    return node != null && node.path("x-kubernetes-map-type").asText().equals("atomic");
  }

  private JsonNode schemaAt(List<String> names) {
    JsonNode node = type.schema();
    if (node == null) {
      return null;
    }
    for (String name : names) {
      if (node.path("type").asText().equals("array")) {
        node = node.path("items");
      }
      node = node.path("properties").path(name);
      if (node.isMissingNode()) {
        return null;
      }
    }
    return node;
  }

  private ListType fromSchema(List<String> names) {
    JsonNode node = schemaAt(names);
    if (node == null) {
      return ListType.ATOMIC;
    }
    String listType = node.path("x-kubernetes-list-type").asText("atomic");
    if (listType.equals("set")) {
      return ListType.SET;
    }
    if (listType.equals("map")) {
      List<String> keys = new java.util.ArrayList<>();
      node.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
      return keys.isEmpty() ? ListType.ATOMIC : new ListType(Kind.MAP, List.copyOf(keys));
    }
    return ListType.ATOMIC;
  }

  /**
   * The key object of a map-list item, fields sorted by name as in {@code fieldsV1}. A missing
   * {@code protocol} counts as TCP, the value the real server defaults it to.
   */
  static ObjectNode keyOf(JsonNode item, List<String> keys) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    for (String key : keys) {
      JsonNode value = item.get(key);
      if (value == null && key.equals("protocol")) {
        value = JsonNodeFactory.instance.textNode("TCP");
      }
      if (value != null) {
        sorted.put(key, value);
      }
    }
    ObjectNode keyNode = JsonNodeFactory.instance.objectNode();
    sorted.forEach(keyNode::set);
    return keyNode;
  }

  static boolean sameKey(JsonNode a, JsonNode b, List<String> keys) {
    return keyOf(a, keys).equals(keyOf(b, keys));
  }
}
