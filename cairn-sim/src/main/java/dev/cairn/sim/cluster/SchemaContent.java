package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether two objects are the same to a CRD schema walk ({@link
 * dev.cairn.api.schema.SchemaValidator}): the same fields in the same order with equal values
 * (numbers of the same node kind), except that the root's {@code metadata} is compared only as
 * present, null or absent, since the walk never looks inside it (it only defaults an absent one).
 * Field order counts because the walk's output keeps it.
 */
final class SchemaContent {
  private SchemaContent() {}

  static boolean same(JsonNode a, JsonNode b) {
    if (!(a instanceof ObjectNode left) || !(b instanceof ObjectNode right)) {
      return equal(a, b);
    }
    if (left.size() != right.size()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> l = left.fields();
    Iterator<Map.Entry<String, JsonNode>> r = right.fields();
    while (l.hasNext()) {
      Map.Entry<String, JsonNode> x = l.next();
      Map.Entry<String, JsonNode> y = r.next();
      if (!x.getKey().equals(y.getKey())) {
        return false;
      }
      boolean same =
          x.getKey().equals("metadata")
              ? x.getValue().isNull() == y.getValue().isNull()
              : equal(x.getValue(), y.getValue());
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** Equal values with fields in the same order. */
  static boolean equal(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    if (a instanceof ObjectNode left && b instanceof ObjectNode right) {
      if (left.size() != right.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> l = left.fields();
      Iterator<Map.Entry<String, JsonNode>> r = right.fields();
      while (l.hasNext()) {
        Map.Entry<String, JsonNode> x = l.next();
        Map.Entry<String, JsonNode> y = r.next();
        if (!x.getKey().equals(y.getKey()) || !equal(x.getValue(), y.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof ArrayNode left && b instanceof ArrayNode right) {
      if (left.size() != right.size()) {
        return false;
      }
      for (int i = 0; i < left.size(); i++) {
        if (!equal(left.get(i), right.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
