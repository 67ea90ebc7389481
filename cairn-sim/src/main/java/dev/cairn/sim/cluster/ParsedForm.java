package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * The tree {@code Json.parse(Json.write(node))} gives, built by copying instead of through text:
 * stored objects are kept in parsed form so that their numbers compare equal to those parsed from
 * request bodies (the parser reads an int-sized long as an int). Value nodes are immutable and
 * shared; a number kind the copy does not model (decimal, float, non-finite double) and any other
 * kind of node take the text round trip, so the result is always the parser's.
 */
final class ParsedForm {
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private ParsedForm() {}

  static ObjectNode of(ObjectNode object) {
    ObjectNode copy = copyObject(object);
    return copy != null ? copy : (ObjectNode) Json.parse(Json.write(object));
  }

  /** The copy, or null when the tree holds a node only the text round trip can reproduce. */
  private static ObjectNode copyObject(ObjectNode object) {
    ObjectNode copy = Json.MAPPER.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = copy(field.getValue());
      if (value == null) {
        return null;
      }
      copy.set(field.getKey(), value);
    }
    return copy;
  }

  private static JsonNode copy(JsonNode node) {
    if (node instanceof ObjectNode object) {
      return copyObject(object);
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = Json.MAPPER.createArrayNode();
      for (JsonNode element : array) {
        JsonNode value = copy(element);
        if (value == null) {
          return null;
        }
        copy.add(value);
      }
      return copy;
    }
    if (node instanceof TextNode
        || node instanceof BooleanNode
        || node instanceof NullNode
        || node instanceof IntNode) {
      return node;
    }
    if (node instanceof ShortNode) {
      return IntNode.valueOf(node.intValue());
    }
    if (node instanceof LongNode) {
      long value = node.longValue();
      return value == (int) value ? IntNode.valueOf((int) value) : node;
    }
    if (node instanceof BigIntegerNode) {
      return integer(node.bigIntegerValue(), node);
    }
    if (node instanceof DoubleNode && Double.isFinite(node.doubleValue())) {
      return node;
    }
    return leaf(node);
  }

  private static JsonNode integer(BigInteger value, JsonNode node) {
    if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
      return IntNode.valueOf(value.intValue());
    }
    if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
      return LongNode.valueOf(value.longValue());
    }
    return node;
  }

  /** A scalar the copy does not model, through text; null for anything but a scalar. */
  private static JsonNode leaf(JsonNode node) {
    if (!node.isValueNode() || node.isMissingNode()) {
      return null;
    }
    return Json.parse(Json.write(node));
  }
}
