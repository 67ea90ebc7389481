package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Two JSON merges of templates. {@link #override}: a generator's {@code template} over the set's,
 * objects merged deeply, the generator's non-empty values winning (Argo CD merges with mergo's
 * override rule). {@link #mergePatch}: {@code templatePatch} applied to a rendered Application as a
 * JSON merge patch (objects merged, {@code null} removes, lists replaced).
 */
final class TemplateMerge {
  private TemplateMerge() {}

  static JsonNode override(JsonNode base, JsonNode override) {
    if (override == null || override.isNull() || isEmpty(override)) {
      return base == null ? null : base.deepCopy();
    }
    if (base instanceof ObjectNode b && override instanceof ObjectNode o) {
      ObjectNode out = b.deepCopy();
      Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.set(field.getKey(), override(out.get(field.getKey()), field.getValue()));
      }
      return out;
    }
    return override.deepCopy();
  }

  private static boolean isEmpty(JsonNode node) {
    return (node.isTextual() && node.asText().isEmpty())
        || ((node.isObject() || node.isArray()) && node.isEmpty());
  }

  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!(patch instanceof ObjectNode p)) {
      return patch == null ? target : patch.deepCopy();
    }
    ObjectNode out = target instanceof ObjectNode t ? t.deepCopy() : p.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = p.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        out.remove(field.getKey());
      } else {
        out.set(field.getKey(), mergePatch(out.get(field.getKey()), field.getValue()));
      }
    }
    return out;
  }
}
