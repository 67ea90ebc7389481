package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Combines a chart's values file with {@code valuesInline} as kustomize does (kyaml's merge2 walk,
 * with no schema and no associative lists): maps merge key by key, lists and scalars of the winning
 * side replace the other's, an explicit {@code null} on the winning side removes the key, and a map
 * meeting a list or a scalar is an error.
 */
final class InlineValues {
  private InlineValues() {}

  /** {@code winner} merged over {@code base}; neither is changed. Null means "remove". */
  static JsonNode merge(JsonNode winner, JsonNode base, String path) {
    if (winner == null || winner.isMissingNode()) {
      return base == null ? null : base.deepCopy();
    }
    if (winner.isNull()) {
      return null;
    }
    if (base == null || base.isNull() || base.isMissingNode()) {
      return winner.deepCopy();
    }
    if (kind(winner) != kind(base)) {
      throw new IllegalArgumentException(
          "cannot merge values at '"
              + (path.isEmpty() ? "." : path)
              + "': one side is a "
              + kind(base)
              + ", the other a "
              + kind(winner));
    }
    if (!(winner instanceof ObjectNode w) || !(base instanceof ObjectNode b)) {
      return winner.deepCopy();
    }
    ObjectNode out = b.objectNode();
    Set<String> keys = new LinkedHashSet<>();
    b.fieldNames().forEachRemaining(keys::add);
    w.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode merged = merge(w.get(key), b.get(key), path.isEmpty() ? key : path + "." + key);
      if (merged != null) {
        out.set(key, merged);
      }
    }
    return out;
  }

  private static String kind(JsonNode n) {
    if (n.isObject()) {
      return "map";
    }
    return n.isArray() ? "list" : "scalar";
  }
}
