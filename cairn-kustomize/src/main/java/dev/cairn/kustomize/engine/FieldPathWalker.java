package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Replacement field paths: dot-separated steps, where a step may be a list index, {@code *} for
 * every element, {@code [key=value]} for the elements whose field matches, or a bracketed key that
 * contains dots ({@code [app.kubernetes.io/name]}).
 */
final class FieldPathWalker {
  /** A place a value can be written to. */
  interface Slot {
    JsonNode get();

    void set(JsonNode value);
  }

  private FieldPathWalker() {}

  static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    for (char c : path.toCharArray()) {
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      }
      if (c == '.' && depth == 0) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  static List<JsonNode> find(JsonNode root, String path, boolean create) {
    List<JsonNode> out = new ArrayList<>();
    for (Slot s : slots(root, path, create)) {
      if (s.get() != null) {
        out.add(s.get());
      }
    }
    return out;
  }

  static List<Slot> slots(JsonNode root, String path, boolean create) {
    List<String> steps = split(path);
    List<JsonNode> current = new ArrayList<>(List.of(root));
    for (int i = 0; i < steps.size() - 1; i++) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        next.addAll(children(node, steps.get(i), steps.get(i + 1), create));
      }
      current = next;
    }
    String last = steps.get(steps.size() - 1);
    List<Slot> slots = new ArrayList<>();
    for (JsonNode node : current) {
      if (node instanceof ObjectNode o) {
        String key = unbracket(last);
        if (o.has(key) || create) {
          slots.add(
              new Slot() {
                public JsonNode get() {
                  return o.get(key);
                }

                public void set(JsonNode v) {
                  o.set(key, v);
                }
              });
        }
      } else if (node instanceof ArrayNode a && isIndex(last)) {
        int idx = Integer.parseInt(last);
        if (idx >= a.size() && create) {
          a.add(JsonNodeFactory.instance.nullNode());
          int end = a.size() - 1;
          slots.add(
              new Slot() {
                public JsonNode get() {
                  return null;
                }

                public void set(JsonNode v) {
                  a.set(end, v);
                }
              });
        } else if (idx < a.size()) {
          slots.add(
              new Slot() {
                public JsonNode get() {
                  return a.get(idx);
                }

                public void set(JsonNode v) {
                  a.set(idx, v);
                }
              });
        }
      }
    }
    return slots;
  }

  /**
   * The nodes one step reaches; with {@code create}, a missing field becomes a list or a map
   * (depending on the next step), a missing {@code [key=value]} element and an index past the end
   * are appended.
   */
  private static List<JsonNode> children(JsonNode node, String step, String next, boolean create) {
    List<JsonNode> out = new ArrayList<>();
    if (node instanceof ArrayNode a) {
      if (step.equals("*")) {
        a.forEach(out::add);
      } else if (isIndex(step)) {
        int idx = Integer.parseInt(step);
        if (idx < a.size()) {
          out.add(a.get(idx));
        } else if (create) {
          out.add(a.add(container(next)).get(a.size() - 1));
        }
      } else if (step.startsWith("[") && step.contains("=")) {
        String inner = step.substring(1, step.length() - 1);
        int eq = inner.indexOf('=');
        String key = inner.substring(0, eq);
        String value = inner.substring(eq + 1);
        for (JsonNode e : a) {
          if (value.equals(e.path(key).asText(null))) {
            out.add(e);
          }
        }
        if (out.isEmpty() && create) {
          ObjectNode element = JsonNodeFactory.instance.objectNode().put(key, value);
          a.add(element);
          out.add(element);
        }
      }
      return out;
    }
    if (node instanceof ObjectNode o) {
      String key = unbracket(step);
      JsonNode child = o.get(key);
      if ((child == null || child.isNull()) && create) {
        child = container(next);
        o.set(key, child);
      }
      if (child != null && !child.isNull()) {
        out.add(child);
      }
    }
    return out;
  }

  private static JsonNode container(String next) {
    boolean list = isIndex(next) || (next.startsWith("[") && next.contains("="));
    return list ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
  }

  private static String unbracket(String step) {
    return step.startsWith("[") && step.endsWith("]") && !step.contains("=")
        ? step.substring(1, step.length() - 1)
        : step;
  }

  private static boolean isIndex(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (char c : s.toCharArray()) {
      if (!Character.isDigit(c)) {
        return false;
      }
    }
    return true;
  }
}
