package dev.cairn.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Iterator;
import java.util.Map;

/**
 * Proves, without asking the server, that applying {@code desired} would change nothing: every
 * field the desired object sets has that value in the live object, and every field this field
 * manager applied before is still in the desired object (so the apply would remove nothing).
 * Conservative: when it cannot prove it (a list changed length, a quantity is spelled differently,
 * the manager never applied the object), the caller falls back to a server-side dry-run.
 */
final class UnchangedCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private UnchangedCheck() {}

  static boolean proven(JsonNode desired, JsonNode live, String fieldManager) {
    JsonNode owned = ownedFields(live, fieldManager);
    if (owned == null) {
      return false;
    }
    return containedIn(appliedPart(desired), live) && stillApplied(owned, desired);
  }

  /** The part of an object an apply sends: no status, metadata only labels and annotations. */
  private static JsonNode appliedPart(JsonNode desired) {
    var copy = desired.deepCopy();
    if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object.remove("status");
      JsonNode metadata = object.get("metadata");
      if (metadata instanceof com.fasterxml.jackson.databind.node.ObjectNode meta) {
        meta.retain("name", "namespace", "labels", "annotations");
      }
    }
    return copy;
  }

  /** The fieldsV1 of this manager's Apply entry (main resource), or null. */
  private static JsonNode ownedFields(JsonNode live, String fieldManager) {
    for (JsonNode entry : live.path("metadata").path("managedFields")) {
      if (fieldManager.equals(entry.path("manager").asText())
          && "Apply".equals(entry.path("operation").asText())
          && entry.path("subresource").asText("").isEmpty()) {
        return entry.path("fieldsV1");
      }
    }
    return null;
  }

  /** Whether every field set in {@code part} has the same value in {@code whole}. */
  static boolean containedIn(JsonNode part, JsonNode whole) {
    return containedIn(part, whole, "", false);
  }

  /**
   * {@code name} is the field that holds {@code part}; {@code quantity} says whether {@code part}
   * is a resource quantity, which counts as the same when its amount is ({@code cpu: 0.5} is stored
   * as {@code 500m}).
   */
  private static boolean containedIn(JsonNode part, JsonNode whole, String name, boolean quantity) {
    if (part.isObject()) {
      if (!whole.isObject()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = part.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode other = whole.get(field.getKey());
        if (field.getValue().isNull()) {
          if (other != null && !other.isNull()) {
            return false;
          }
        } else if (other == null
            || !containedIn(
                field.getValue(),
                other,
                field.getKey(),
                holdsQuantities(name) || field.getKey().equals("sizeLimit"))) {
          return false;
        }
      }
      return true;
    }
    if (part.isArray()) {
      if (!whole.isArray() || whole.size() != part.size()) {
        return false;
      }
      for (int i = 0; i < part.size(); i++) {
        if (!containedIn(part.get(i), whole.get(i), name, false)) {
          return false;
        }
      }
      return true;
    }
    if (part.isNumber() && whole.isNumber()) {
      return part.decimalValue().compareTo(whole.decimalValue()) == 0;
    }
    return part.equals(whole) || (quantity && sameQuantity(part, whole));
  }

  /**
   * The maps of {@code resource.Quantity} values the API server canonicalizes: container, pod
   * overhead, PVC and ResourceQuota amounts ({@code emptyDir.sizeLimit} is a single one).
   */
  private static boolean holdsQuantities(String map) {
    return switch (map) {
      case "requests", "limits", "overhead", "hard" -> true;
      default -> false;
    };
  }

  private static boolean sameQuantity(JsonNode part, JsonNode whole) {
    if (!whole.isTextual() || !(part.isTextual() || part.isNumber())) {
      return false;
    }
    String desired = part.isNumber() ? part.decimalValue().toPlainString() : part.asText();
    try {
      return Quantity.getAmountInBytes(new Quantity(desired))
              .compareTo(Quantity.getAmountInBytes(new Quantity(whole.asText())))
          == 0;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return false;
    }
  }

  /** Whether every path of a managedFields {@code fieldsV1} set still exists in {@code desired}. */
  static boolean stillApplied(JsonNode owned, JsonNode desired) {
    Iterator<Map.Entry<String, JsonNode>> fields = owned.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode child = child(key, desired);
      if (child == null) {
        return false;
      }
      if (child != desired && !stillApplied(field.getValue(), child)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a list item has the key fields of a {@code k:} entry. A key field the item leaves out
   * matches, since the server may have defaulted it (a port's {@code protocol: TCP}).
   */
  private static boolean keyMatches(JsonNode key, JsonNode item) {
    boolean any = false;
    Iterator<Map.Entry<String, JsonNode>> fields = key.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = item.get(field.getKey());
      if (value != null) {
        if (!containedIn(field.getValue(), value)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /** The node a fieldsV1 key names inside {@code node}, {@code node} itself for ".", or null. */
  private static JsonNode child(String key, JsonNode node) {
    if (key.equals(".")) {
      return node;
    }
    if (key.startsWith("f:")) {
      return node.isObject() ? node.get(key.substring(2)) : null;
    }
    if (!node.isArray()) {
      return null;
    }
    try {
      if (key.startsWith("k:")) {
        JsonNode wanted = JSON.readTree(key.substring(2));
        for (JsonNode item : node) {
          if (keyMatches(wanted, item)) {
            return item;
          }
        }
        return null;
      }
      if (key.startsWith("v:")) {
        JsonNode wanted = JSON.readTree(key.substring(2));
        for (JsonNode item : node) {
          if (containedIn(wanted, item) && containedIn(item, wanted)) {
            return item;
          }
        }
        return null;
      }
      if (key.startsWith("i:")) {
        int index = Integer.parseInt(key.substring(2));
        return index < node.size() ? node.get(index) : null;
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NumberFormatException e) {
      return null;
    }
    return null;
  }
}
