package dev.cairn.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Removes what the server fills in and nobody applies, so that two states of an object compare
 * equal exactly when an apply would change nothing a person cares about.
 */
final class ServerFields {
  private static final List<String> METADATA =
      List.of(
          "managedFields",
          "resourceVersion",
          "generation",
          "uid",
          "creationTimestamp",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  private ServerFields() {}

  /** A copy of {@code object} without status and server-filled metadata. */
  static ObjectNode strip(JsonNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove("status");
    JsonNode metadata = copy.get("metadata");
    if (metadata instanceof ObjectNode meta) {
      meta.remove(METADATA);
      removeIfEmpty(meta, "labels");
      removeIfEmpty(meta, "annotations");
    }
    return copy;
  }

  private static void removeIfEmpty(ObjectNode parent, String field) {
    JsonNode child = parent.get(field);
    if (child != null && (child.isNull() || (child.isContainerNode() && child.isEmpty()))) {
      parent.remove(field);
    }
  }
}
