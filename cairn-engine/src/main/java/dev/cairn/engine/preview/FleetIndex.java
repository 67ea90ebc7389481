package dev.cairn.engine.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.KubeObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects rendered so far at one revision, found by kind, namespace and name: where a preview
 * reads what the controller reads from the cluster (substitution sources, values sources, chart
 * sources). An object without a namespace is filed under the namespace its owner defaults to.
 */
public final class FleetIndex {
  private final Map<String, KubeObject> objects = new ConcurrentHashMap<>();

  /** Files {@code object}; {@code defaultNamespace} applies when it names none. */
  public void add(KubeObject object, String defaultNamespace) {
    String ns = object.namespace();
    objects.putIfAbsent(
        key(object.kind(), ns == null || ns.isEmpty() ? defaultNamespace : ns, object.name()),
        object);
  }

  public Optional<KubeObject> find(String kind, String namespace, String name) {
    return Optional.ofNullable(objects.get(key(kind, namespace, name)));
  }

  /**
   * The data of a ConfigMap ({@code data}) or Secret ({@code data} decoded, then {@code
   * stringData}); null when the fleet renders no such object.
   */
  public Map<String, String> data(String kind, String namespace, String name) {
    Optional<KubeObject> found = find(kind, namespace, name);
    if (found.isEmpty()) {
      return null;
    }
    JsonNode node = found.get().node();
    Map<String, String> data = new LinkedHashMap<>();
    boolean secret = "Secret".equals(kind);
    fields(node.get("data"))
        .forEachRemaining(
            e -> data.put(e.getKey(), secret ? decode(e.getValue()) : e.getValue().asText()));
    if (secret) {
      fields(node.get("stringData"))
          .forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
    }
    return data;
  }

  private static String decode(JsonNode value) {
    try {
      return new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value.asText(); // kept as written; the key is still known
    }
  }

  private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return node != null && node.isObject() ? node.fields() : java.util.Collections.emptyIterator();
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }
}
