package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small setters shared by the defaulting classes: a value is set only where none is. */
final class DefaultValues {
  private DefaultValues() {}

  static void text(JsonNode node, String field, String value) {
    if (node instanceof ObjectNode object && !object.hasNonNull(field)) {
      object.put(field, value);
    }
  }

  static void number(JsonNode node, String field, long value) {
    if (node instanceof ObjectNode object && !object.hasNonNull(field)) {
      object.put(field, value);
    }
  }

  static void bool(JsonNode node, String field, boolean value) {
    if (node instanceof ObjectNode object && !object.hasNonNull(field)) {
      object.put(field, value);
    }
  }

  /** The object at {@code field}, created empty when absent; null if something else is there. */
  static ObjectNode object(JsonNode node, String field) {
    if (!(node instanceof ObjectNode object)) {
      return null;
    }
    JsonNode child = object.get(field);
    if (child == null || child.isNull()) {
      return object.putObject(field);
    }
    return child instanceof ObjectNode existing ? existing : null;
  }

  /** The object at {@code field} if there is one, else null (nothing is created). */
  static ObjectNode existing(JsonNode node, String field) {
    JsonNode child = node == null ? null : node.get(field);
    return child instanceof ObjectNode existing ? existing : null;
  }
}
