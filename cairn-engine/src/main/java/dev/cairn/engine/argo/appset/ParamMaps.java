package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter sets as Argo CD builds them: flattened with dots for fasttemplate ({@code a.b.0=text},
 * values printed as Go's {@code %v} prints them), kept as trees for Go templates; and the
 * generators' {@code values}, rendered with the set's own parameters and added under {@code
 * values}.
 */
final class ParamMaps {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ParamMaps() {}

  /** A JSON object as a parameter tree (maps, lists, strings, numbers, booleans). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(JsonNode object) {
    return JSON.convertValue(object, LinkedHashMap.class);
  }

  /** The tree as flat {@code a.b.0} keys with text values. */
  static Map<String, Object> flatten(Map<String, Object> tree) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten("", tree, out);
    return out;
  }

  private static void flatten(String prefix, Object value, Map<String, Object> out) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        flatten(
            prefix.isEmpty() ? entry.getKey().toString() : prefix + "." + entry.getKey(),
            entry.getValue(),
            out);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "." + i, list.get(i), out);
      }
    } else {
      out.put(prefix, value == null ? "<nil>" : value.toString());
    }
  }

  /**
   * Adds {@code values} (a JSON object of strings) rendered with {@code params}: as {@code
   * values.<key>} for fasttemplate, as the map {@code values} for Go templates.
   */
  static void addValues(
      JsonNode values, Map<String, Object> params, ParamRenderer renderer, String where) {
    if (values == null || values.isNull()) {
      return;
    }
    if (!values.isObject()) {
      throw new GeneratorException(where + ".values must be a map of strings");
    }
    Map<String, Object> rendered = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isTextual()) {
        throw new GeneratorException(
            where + ".values." + field.getKey() + " must be a string, not " + field.getValue());
      }
      rendered.put(field.getKey(), renderer.render(field.getValue(), params).asText());
    }
    if (renderer.nested()) {
      params.put("values", rendered);
    } else {
      rendered.forEach((key, value) -> params.put("values." + key, value));
    }
  }

  /** Looks up {@code key} (dotted for trees) in a parameter set; null when absent. */
  static Object lookup(Map<String, Object> params, String key) {
    if (params.containsKey(key)) {
      return params.get(key);
    }
    Object current = params;
    for (String part : key.split("\\.")) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  /** A deep copy of a parameter set (maps and lists copied, leaves shared). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> copy(Map<String, Object> params) {
    Map<String, Object> out = new LinkedHashMap<>();
    params.forEach((key, value) -> out.put(key, copyValue(value)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return copy((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(copyValue(item)));
      return out;
    }
    return value;
  }

  /** Go templates: {@code override} merged into {@code base}, maps merged deeply, override wins. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> override) {
    Map<String, Object> out = copy(base);
    override.forEach(
        (key, value) -> {
          Object existing = out.get(key);
          if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
            out.put(key, deepMerge((Map<String, Object>) a, (Map<String, Object>) b));
          } else {
            out.put(key, copyValue(value));
          }
        });
    return out;
  }
}
