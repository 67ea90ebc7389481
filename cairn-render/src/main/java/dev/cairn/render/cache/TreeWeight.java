package dev.cairn.render.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.KubeObject;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A rough estimate of the heap a list of objects holds, from the shape of their JSON trees: a fixed
 * cost per node and per field, plus the characters of field names and text. Good enough to bound a
 * cache, not a measurement.
 */
final class TreeWeight {
  private static final long OBJECT = 96; // ObjectNode with its LinkedHashMap
  private static final long FIELD = 48; // map entry plus the name String's header
  private static final long ARRAY = 56; // ArrayNode with its ArrayList
  private static final long ELEMENT = 8;
  private static final long TEXT = 56; // TextNode, String and array headers
  private static final long VALUE = 24; // number, boolean, null
  private static final long PER_OBJECT = 64; // KubeObject and its Origin

  private TreeWeight() {}

  static long of(List<KubeObject> objects) {
    long total = 0;
    for (KubeObject object : objects) {
      total += PER_OBJECT + of(object.node());
    }
    return total;
  }

  private static long of(JsonNode node) {
    if (node.isObject()) {
      long total = OBJECT;
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        total += FIELD + field.getKey().length() + of(field.getValue());
      }
      return total;
    }
    if (node.isArray()) {
      long total = ARRAY;
      for (JsonNode element : node) {
        total += ELEMENT + of(element);
      }
      return total;
    }
    if (node.isTextual()) {
      return TEXT + node.textValue().length();
    }
    return VALUE;
  }
}
