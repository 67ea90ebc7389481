package dev.cairn.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON patch over Jackson trees: add, remove, replace, move, copy, test.
 *
 * <p>Operations are applied in order to a document that is modified in place; the first failing
 * operation throws {@link PatchException} naming the operation and path.
 */
public final class JsonPatch {
  private final List<JsonNode> operations;

  private JsonPatch(List<JsonNode> operations) {
    this.operations = operations;
  }

  /** Parses the operations list (already read from JSON or YAML). */
  public static JsonPatch of(JsonNode ops) {
    if (ops == null || !ops.isArray()) {
      throw new PatchException("a JSON 6902 patch must be a list of operations");
    }
    List<JsonNode> list = new ArrayList<>();
    ops.forEach(list::add);
    for (JsonNode op : list) {
      if (!op.isObject() || !op.path("op").isTextual() || !op.path("path").isTextual()) {
        throw new PatchException("each JSON 6902 operation needs 'op' and 'path': " + op);
      }
    }
    return new JsonPatch(list);
  }

  /** Applies all operations to {@code doc}, which must be a container; returns the result. */
  public JsonNode apply(JsonNode doc) {
    JsonNode root = doc;
    for (JsonNode op : operations) {
      root = applyOne(root, op);
    }
    return root;
  }

  private static JsonNode applyOne(JsonNode root, JsonNode op) {
    String kind = op.get("op").asText();
    String path = op.get("path").asText();
    switch (kind) {
      case "add":
        return add(root, path, value(op), kind);
      case "remove":
        remove(root, path, kind);
        return root;
      case "replace":
        {
          if (path.isEmpty()) {
            return value(op).deepCopy();
          }
          Location loc = locate(root, path, kind);
          if (!loc.exists()) {
            throw new PatchException(
                "replace operation does not apply: doc is missing path: \"" + path + "\"");
          }
          loc.set(value(op).deepCopy());
          return root;
        }
      case "move":
        {
          String from = text(op, "from");
          JsonNode v = locate(root, from, kind).getOrFail(from, kind);
          remove(root, from, kind);
          return add(root, path, v, kind);
        }
      case "copy":
        {
          String from = text(op, "from");
          JsonNode v = locate(root, from, kind).getOrFail(from, kind);
          return add(root, path, v.deepCopy(), kind);
        }
      case "test":
        {
          JsonNode actual = locate(root, path, kind).getOrFail(path, kind);
          if (!actual.equals(value(op))) {
            throw new PatchException("testing value " + path + " failed: test failed");
          }
          return root;
        }
      default:
        throw new PatchException("unexpected JSON 6902 operation '" + kind + "'");
    }
  }

  private static JsonNode value(JsonNode op) {
    if (!op.has("value")) {
      throw new PatchException(
          "operation " + op.get("op").asText() + " at " + op.get("path").asText() + " needs value");
    }
    return op.get("value");
  }

  private static String text(JsonNode op, String field) {
    JsonNode n = op.get(field);
    if (n == null || !n.isTextual()) {
      throw new PatchException("operation " + op.get("op").asText() + " needs '" + field + "'");
    }
    return n.asText();
  }

  private static JsonNode add(JsonNode root, String path, JsonNode value, String kind) {
    if (path.isEmpty()) {
      return value.deepCopy();
    }
    Location loc = locate(root, path, kind);
    if (loc.parent instanceof ArrayNode array) {
      int index = loc.index(true);
      if (index == array.size()) {
        array.add(value.deepCopy());
      } else {
        array.insert(index, value.deepCopy());
      }
    } else {
      ((ObjectNode) loc.parent).set(loc.token, value.deepCopy());
    }
    return root;
  }

  private static void remove(JsonNode root, String path, String kind) {
    Location loc = locate(root, path, kind);
    if (!loc.exists()) {
      throw new PatchException(
          kind + " operation does not apply: doc is missing path: \"" + path + "\"");
    }
    if (loc.parent instanceof ArrayNode array) {
      array.remove(loc.index(false));
    } else {
      ((ObjectNode) loc.parent).remove(loc.token);
    }
  }

  private static Location locate(JsonNode root, String path, String kind) {
    if (!path.startsWith("/")) {
      throw new PatchException("invalid JSON pointer '" + path + "' in " + kind + " operation");
    }
    String[] tokens = path.substring(1).split("/", -1);
    JsonNode current = root;
    for (int i = 0; i < tokens.length - 1; i++) {
      String token = unescape(tokens[i]);
      JsonNode next = child(current, token);
      if (next == null || !next.isContainerNode()) {
        throw new PatchException(
            kind + " operation does not apply: doc is missing path: \"" + path + "\"");
      }
      current = next;
    }
    if (!current.isContainerNode()) {
      throw new PatchException(kind + " operation does not apply: \"" + path + "\"");
    }
    return new Location(current, unescape(tokens[tokens.length - 1]), path, kind);
  }

  private static JsonNode child(JsonNode node, String token) {
    if (node instanceof ArrayNode array) {
      try {
        int i = Integer.parseInt(token);
        return i >= 0 && i < array.size() ? array.get(i) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return node.get(token);
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  private record Location(JsonNode parent, String token, String path, String kind) {
    boolean exists() {
      return child(parent, token) != null;
    }

    JsonNode getOrFail(String p, String k) {
      JsonNode v = child(parent, token);
      if (v == null) {
        throw new PatchException(
            k + " operation does not apply: doc is missing path: \"" + p + "\"");
      }
      return v;
    }

    int index(boolean allowEnd) {
      ArrayNode array = (ArrayNode) parent;
      if (allowEnd && token.equals("-")) {
        return array.size();
      }
      try {
        int i = Integer.parseInt(token);
        int max = allowEnd ? array.size() : array.size() - 1;
        if (i < 0 || i > max) {
          throw new PatchException(kind + " operation: index out of range at \"" + path + "\"");
        }
        return i;
      } catch (NumberFormatException e) {
        throw new PatchException(kind + " operation: bad array index at \"" + path + "\"");
      }
    }

    void set(JsonNode v) {
      if (parent instanceof ArrayNode array) {
        array.set(index(false), v);
      } else {
        ((ObjectNode) parent).set(token, v);
      }
    }
  }
}
