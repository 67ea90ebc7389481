package dev.cairn.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Kubernetes object as an unstructured Jackson tree, with typed access to the fields every
 * object has. Mutable: the tree is shared, not copied; use {@link #deepCopy()} before changing an
 * object someone else holds.
 */
public final class KubeObject {

  private final ObjectNode node;
  private final Origin origin;

  private KubeObject(ObjectNode node, Origin origin) {
    this.node = Objects.requireNonNull(node, "node");
    this.origin = origin;
  }

  public static KubeObject of(ObjectNode node) {
    return new KubeObject(node, null);
  }

  public static KubeObject of(ObjectNode node, Origin origin) {
    return new KubeObject(node, origin);
  }

  public ObjectNode node() {
    return node;
  }

  /** Where the object was read from, or null for objects made in code. */
  public Origin origin() {
    return origin;
  }

  public String apiVersion() {
    return text(node.get("apiVersion"));
  }

  public String kind() {
    return text(node.get("kind"));
  }

  public String name() {
    return text(metadata().get("name"));
  }

  public String namespace() {
    return text(metadata().get("namespace"));
  }

  public GroupVersionKind gvk() {
    return GroupVersionKind.of(apiVersion(), kind());
  }

  public ObjectId id() {
    GroupVersionKind gvk = gvk();
    return new ObjectId(gvk.group(), gvk.version(), gvk.kind(), namespace(), name());
  }

  public Map<String, String> labels() {
    return stringMap(metadata().get("labels"));
  }

  public Map<String, String> annotations() {
    return stringMap(metadata().get("annotations"));
  }

  public void setName(String name) {
    ensureMetadata().put("name", name);
  }

  public void setNamespace(String namespace) {
    if (namespace == null) {
      ensureMetadata().remove("namespace");
    } else {
      ensureMetadata().put("namespace", namespace);
    }
  }

  public void setLabel(String key, String value) {
    ensureMap(ensureMetadata(), "labels").put(key, value);
  }

  public void setAnnotation(String key, String value) {
    ensureMap(ensureMetadata(), "annotations").put(key, value);
  }

  public void removeAnnotation(String key) {
    JsonNode annotations = metadata().get("annotations");
    if (annotations instanceof ObjectNode map) {
      map.remove(key);
      if (map.isEmpty()) {
        ((ObjectNode) node.get("metadata")).remove("annotations");
      }
    }
  }

  public KubeObject deepCopy() {
    return new KubeObject(node.deepCopy(), origin);
  }

  private JsonNode metadata() {
    JsonNode metadata = node.get("metadata");
    return metadata == null ? node.missingNode() : metadata;
  }

  private ObjectNode ensureMetadata() {
    return ensureMap(node, "metadata");
  }

  private static ObjectNode ensureMap(ObjectNode parent, String field) {
    JsonNode child = parent.get(field);
    if (child instanceof ObjectNode map) {
      return map;
    }
    return parent.putObject(field);
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
  }

  private static Map<String, String> stringMap(JsonNode map) {
    if (map == null || !map.isObject()) {
      return Map.of();
    }
    Map<String, String> result = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      result.put(field.getKey(), text(field.getValue()));
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KubeObject that && node.equals(that.node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }

  @Override
  public String toString() {
    return id().toString();
  }
}
