package dev.cairn.engine.argo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields an object's {@code metadata.managedFields} say some field managers own, read from
 * their {@code fieldsV1} sets ({@code f:name}, {@code k:{...}}, {@code v:...}; {@code .} is the
 * node itself). Only leaves are returned: owning a map or a list item's existence ({@code .} next
 * to children) is not owning the children other managers set.
 */
final class ManagedFieldPaths {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManagedFieldPaths() {}

  /**
   * The leaves {@code managers} own in {@code object} (any operation or subresource; a {@code
   * scale} update owns {@code spec.replicas}).
   */
  static List<IgnoredPath> ownedBy(JsonNode object, Collection<String> managers) {
    List<IgnoredPath> out = new ArrayList<>();
    for (JsonNode entry : object.path("metadata").path("managedFields")) {
      if (managers.contains(entry.path("manager").asText())) {
        collect(entry.path("fieldsV1"), new ArrayList<>(), out);
      }
    }
    return out;
  }

  private static void collect(JsonNode set, List<IgnoredPath.Step> prefix, List<IgnoredPath> out) {
    if (!set.isObject()) {
      return;
    }
    boolean children = false;
    for (Map.Entry<String, JsonNode> field : iterable(set)) {
      if (".".equals(field.getKey())) {
        continue;
      }
      IgnoredPath.Step step = step(field.getKey());
      if (step == null) {
        continue;
      }
      children = true;
      List<IgnoredPath.Step> path = new ArrayList<>(prefix);
      path.add(step);
      collect(field.getValue(), path, out);
    }
    if (!children && !prefix.isEmpty()) {
      out.add(new IgnoredPath(prefix));
    }
  }

  private static IgnoredPath.Step step(String key) {
    try {
      if (key.startsWith("f:")) {
        return new IgnoredPath.Segment(key.substring(2));
      }
      if (key.startsWith("k:")) {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        JSON.readTree(key.substring(2))
            .fields()
            .forEachRemaining(e -> keys.put(e.getKey(), e.getValue()));
        return new IgnoredPath.Key(keys);
      }
      if (key.startsWith("v:")) {
        return new IgnoredPath.Value(JSON.readTree(key.substring(2)));
      }
    } catch (java.io.IOException e) {
      return null;
    }
    return null;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
