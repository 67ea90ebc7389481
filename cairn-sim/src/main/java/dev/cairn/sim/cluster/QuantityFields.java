package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the resource quantities of built-in kinds into {@link CanonicalQuantity} form, as the
 * API server does when it decodes {@code resource.Quantity} fields: container and init-container
 * {@code resources.requests}/{@code limits}, pod {@code overhead}, {@code emptyDir.sizeLimit}, PVC
 * (and StatefulSet claim template) {@code resources}, ResourceQuota {@code spec.hard} and
 * LimitRange limits. {@code status} is left alone. A value that is no quantity is a 422 naming its
 * field.
 */
final class QuantityFields {
  private static final Set<String> LIMIT_RANGE_MAPS =
      Set.of("max", "min", "default", "defaultRequest", "maxLimitRequestRatio");

  private QuantityFields() {}

  static void normalize(ResourceType type, ObjectNode object) {
    if (type.custom()) {
      return;
    }
    List<String> errors = new ArrayList<>();
    JsonNode spec = object.path("spec");
    if (type.group().isEmpty() && type.kind().equals("ResourceQuota")) {
      map(spec.path("hard"), "spec.hard", errors);
    } else if (type.group().isEmpty() && type.kind().equals("LimitRange")) {
      int i = 0;
      for (JsonNode limit : spec.path("limits")) {
        for (String name : LIMIT_RANGE_MAPS) {
          map(limit.path(name), "spec.limits[" + i + "]." + name, errors);
        }
        i++;
      }
    } else {
      walk(spec, "spec", new Path(null, "spec", 0), errors);
    }
    if (!errors.isEmpty()) {
      String name = object.path("metadata").path("name").asText();
      String joined = errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
      throw new ApiException(
          422, "Invalid", type.qualifiedKind() + " \"" + name + "\" is invalid: " + joined);
    }
  }

  /** A field path, spelled out only when an error names it (walks visit every spec field). */
  private record Path(Path parent, String field, int index) {
    @Override
    public String toString() {
      String part = field == null ? "[" + index + "]" : field;
      return parent == null ? part : parent + (field == null ? "" : ".") + part;
    }
  }

  private static void walk(JsonNode node, String name, Path path, List<String> errors) {
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        walk(array.get(i), name, new Path(path, null, i), errors);
      }
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String child = field.getKey();
      Path childPath = new Path(path, child, 0);
      if (name.equals("resources") && (child.equals("requests") || child.equals("limits"))) {
        map(field.getValue(), childPath.toString(), errors);
      } else if (child.equals("overhead")) {
        map(field.getValue(), childPath.toString(), errors);
      } else if (child.equals("sizeLimit")) {
        String canonical = canonical(field.getValue(), childPath.toString(), false, errors);
        if (canonical != null) {
          field.setValue(object.textNode(canonical));
        }
      } else if (!child.equals("status")) {
        walk(field.getValue(), child, childPath, errors);
      }
    }
  }

  private static void map(JsonNode node, String path, List<String> errors) {
    if (!(node instanceof ObjectNode map)) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> entries = map.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String canonical =
          canonical(entry.getValue(), path + "[" + entry.getKey() + "]", true, errors);
      if (canonical != null) {
        entry.setValue(map.textNode(canonical));
      }
    }
  }

  private static String canonical(
      JsonNode value, String path, boolean resourceList, List<String> errors) {
    String text = value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    try {
      return resourceList ? CanonicalQuantity.ofResourceList(text) : CanonicalQuantity.of(text);
    } catch (IllegalArgumentException e) {
      errors.add(path + ": Invalid value: \"" + text + "\": " + e.getMessage());
      return null;
    }
  }
}
