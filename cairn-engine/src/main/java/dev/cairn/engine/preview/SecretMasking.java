package dev.cairn.engine.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks what a preview must never print, on the two sides of one object's diff: the values of a
 * Secret's {@code data} and {@code stringData}, of a SealedSecret's {@code spec.encryptedData}, and
 * every SOPS-encrypted value ({@code ENC[...]}) anywhere. A masked value reads {@value #MASK} on
 * both sides when it is unchanged and {@value #CHANGED} on the new side when it changed, so a
 * change shows as a changed line without its value.
 */
final class SecretMasking {
  static final String MASK = "***";
  static final String CHANGED = "*** (changed)";
  static final String SOPS_MASK = "ENC[...]";
  static final String SOPS_CHANGED = "ENC[...] (changed)";
  private static final String SOPS_PREFIX = "ENC[";

  private SecretMasking() {}

  /** Masks {@code before} and {@code after} in place; either may be null (added, removed). */
  static void mask(ObjectNode before, ObjectNode after) {
    ObjectNode any = after != null ? after : before;
    String kind = any.path("kind").asText();
    String apiVersion = any.path("apiVersion").asText();
    if ("Secret".equals(kind) && "v1".equals(apiVersion)) {
      maskValues(before, after, "data");
      maskValues(before, after, "stringData");
    }
    if ("SealedSecret".equals(kind)) {
      maskValues(spec(before), spec(after), "encryptedData");
    }
    maskSops(before, after);
  }

  private static ObjectNode spec(ObjectNode node) {
    return node != null && node.get("spec") instanceof ObjectNode spec ? spec : null;
  }

  private static void maskValues(ObjectNode before, ObjectNode after, String field) {
    JsonNode old = before == null ? null : before.get(field);
    JsonNode now = after == null ? null : after.get(field);
    if (now instanceof ObjectNode values) {
      for (String key : names(values)) {
        JsonNode previous = old == null ? null : old.get(key);
        boolean changed = previous != null && !previous.equals(values.get(key));
        values.put(key, changed ? CHANGED : MASK);
      }
    }
    if (old instanceof ObjectNode values) {
      for (String key : names(values)) {
        values.put(key, MASK);
      }
    }
  }

  /** Walks both trees together; an ENC[...] text is masked, marked changed when it differs. */
  private static void maskSops(JsonNode before, JsonNode after) {
    if (after instanceof ObjectNode now) {
      for (String key : names(now)) {
        JsonNode value = now.get(key);
        JsonNode previous = before == null ? null : before.get(key);
        if (isSops(value)) {
          now.put(key, previous != null && !previous.equals(value) ? SOPS_CHANGED : SOPS_MASK);
        } else {
          maskSops(previous, value);
        }
      }
    } else if (after instanceof ArrayNode now) {
      for (int i = 0; i < now.size(); i++) {
        JsonNode value = now.get(i);
        JsonNode previous = before instanceof ArrayNode old && i < old.size() ? old.get(i) : null;
        if (isSops(value)) {
          now.set(i, previous != null && !previous.equals(value) ? SOPS_CHANGED : SOPS_MASK);
        } else {
          maskSops(previous, value);
        }
      }
    }
    maskSopsAlone(before);
  }

  /** Masks every ENC[...] text of one side (the old side, once the new side has been compared). */
  private static void maskSopsAlone(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String key : names(object)) {
        if (isSops(object.get(key))) {
          object.put(key, SOPS_MASK);
        } else {
          maskSopsAlone(object.get(key));
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (isSops(array.get(i))) {
          array.set(i, SOPS_MASK);
        } else {
          maskSopsAlone(array.get(i));
        }
      }
    }
  }

  private static boolean isSops(JsonNode value) {
    return value != null && value.isTextual() && value.asText().startsWith(SOPS_PREFIX);
  }

  private static List<String> names(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
