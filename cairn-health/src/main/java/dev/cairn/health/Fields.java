package dev.cairn.health;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads of one object's fields by JSON pointer ({@code /status/replicas}), with the default
 * the Kubernetes controllers use when a field is absent.
 */
public final class Fields {

  private final JsonNode root;

  private Fields(JsonNode root) {
    this.root = root;
  }

  public static Fields of(JsonNode root) {
    return new Fields(root);
  }

  public JsonNode at(String pointer) {
    return root.at(pointer);
  }

  public boolean has(String pointer) {
    JsonNode node = root.at(pointer);
    return !node.isMissingNode() && !node.isNull();
  }

  /** An integer field; numbers written as strings count, anything else gives the fallback. */
  public long integer(String pointer, long fallback) {
    JsonNode node = root.at(pointer);
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.asText().trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }

  public String text(String pointer, String fallback) {
    JsonNode node = root.at(pointer);
    return node.isValueNode() && !node.isNull() ? node.asText() : fallback;
  }
}
