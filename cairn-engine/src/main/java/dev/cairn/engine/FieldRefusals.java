package dev.cairn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the first {@link FieldRefusal} an object's spec sets. "Set" means what changes behaviour:
 * {@code true}, a number (even zero), a non-empty string, a list or object with something set in
 * it; {@code false}, {@code ""}, {@code []}, {@code {}} and null are the defaults and pass. A
 * refusal with accepted values refuses any other value that is present, {@code false} included.
 */
public final class FieldRefusals {
  private FieldRefusals() {}

  /**
   * The stall message of the first refusal {@code spec} sets, in the order given.
   *
   * @param spec the object's {@code spec} as a JSON tree
   */
  public static Optional<String> firstRefused(List<FieldRefusal> refusals, JsonNode spec) {
    for (FieldRefusal refusal : refusals) {
      for (JsonNode value : resolve(spec, refusal.path())) {
        if (refusal.accepted().isEmpty()) {
          if (isSet(value)) {
            return Optional.of(refusal.message());
          }
        } else if (!value.isValueNode() || !refusal.accepted().contains(value.asText())) {
          return Optional.of(
              refusal.message()
                  + " (got '"
                  + (value.isValueNode() ? value.asText() : value.getNodeType())
                  + "'; accepted: "
                  + String.join(", ", new TreeSet<>(refusal.accepted()))
                  + ")");
        }
      }
    }
    return Optional.empty();
  }

  /** The nodes at {@code path} (starting with {@code spec.}), looking into every array item. */
  static List<JsonNode> resolve(JsonNode spec, String path) {
    List<JsonNode> current = new ArrayList<>();
    if (spec != null) {
      current.add(spec);
    }
    String[] segments = path.split("\\.");
    for (int i = 1; i < segments.length; i++) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        for (JsonNode item : node.isArray() ? node : List.of(node)) {
          JsonNode child = item.get(segments[i]);
          if (child != null && !child.isNull()) {
            next.add(child);
          }
        }
      }
      current = next;
    }
    return current;
  }

  static boolean isSet(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()) {
      return !value.textValue().isEmpty();
    }
    if (value.isContainerNode()) {
      for (JsonNode child : value) {
        if (isSet(child)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }
}
