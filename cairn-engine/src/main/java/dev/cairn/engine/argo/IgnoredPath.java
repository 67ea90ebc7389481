package dev.cairn.engine.argo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path to one field of an object, as {@code ignoreDifferences} names it: a JSON pointer's
 * segments (an array index where the node is an array), a jq path's keys and indexes, or a
 * managed-fields entry's steps ({@code f:} field, {@code k:} list item by its keys, {@code v:} set
 * item by value). List items are found by key, so a path read from the live object finds the same
 * item in the desired one even at another index.
 */
record IgnoredPath(List<Step> steps) {

  /** One step down an object. */
  sealed interface Step {
    /** The child of {@code node} this step names, or null. */
    JsonNode child(JsonNode node);

    /** The concrete field name or index of that child, or null when absent. */
    String concrete(JsonNode node);
  }

  /** A field name, or an index when the node is an array and the segment is a number. */
  record Segment(String name) implements Step {
    @Override
    public JsonNode child(JsonNode node) {
      if (node instanceof ArrayNode array) {
        int index = index(name);
        return index < 0 || index >= array.size() ? null : array.get(index);
      }
      return node instanceof ObjectNode object ? object.get(name) : null;
    }

    @Override
    public String concrete(JsonNode node) {
      return child(node) == null ? null : name;
    }
  }

  /** The item of a list whose fields equal {@code keys} ({@code k:{...}}). */
  record Key(Map<String, JsonNode> keys) implements Step {
    @Override
    public JsonNode child(JsonNode node) {
      int index = indexIn(node);
      return index < 0 ? null : node.get(index);
    }

    @Override
    public String concrete(JsonNode node) {
      int index = indexIn(node);
      return index < 0 ? null : Integer.toString(index);
    }

    private int indexIn(JsonNode node) {
      if (!(node instanceof ArrayNode array)) {
        return -1;
      }
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        if (keys.entrySet().stream().allMatch(e -> e.getValue().equals(item.get(e.getKey())))) {
          return i;
        }
      }
      return -1;
    }
  }

  /** The item of a set-like list equal to {@code value} ({@code v:...}). */
  record Value(JsonNode value) implements Step {
    @Override
    public JsonNode child(JsonNode node) {
      int index = indexIn(node);
      return index < 0 ? null : node.get(index);
    }

    @Override
    public String concrete(JsonNode node) {
      int index = indexIn(node);
      return index < 0 ? null : Integer.toString(index);
    }

    private int indexIn(JsonNode node) {
      if (node instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          if (value.equals(array.get(i))) {
            return i;
          }
        }
      }
      return -1;
    }
  }

  IgnoredPath {
    steps = List.copyOf(steps);
  }

  /**
   * The path of a JSON pointer ({@code /spec/replicas}; {@code ~1} is {@code /}, {@code ~0} is
   * {@code ~}).
   *
   * @throws IllegalArgumentException when {@code pointer} does not start with {@code /}
   */
  static IgnoredPath ofPointer(String pointer) {
    if (pointer == null || !pointer.startsWith("/")) {
      throw new IllegalArgumentException(
          "JSON pointer '" + pointer + "' must start with '/' (for example /spec/replicas)");
    }
    List<Step> steps = new ArrayList<>();
    for (String segment : pointer.substring(1).split("/", -1)) {
      steps.add(new Segment(segment.replace("~1", "/").replace("~0", "~")));
    }
    return new IgnoredPath(steps);
  }

  /** The node at this path in {@code root}. */
  Optional<JsonNode> get(JsonNode root) {
    JsonNode node = root;
    for (Step step : steps) {
      node = node == null ? null : step.child(node);
    }
    return Optional.ofNullable(node);
  }

  /**
   * The concrete segments (field names and indexes) of this path in {@code root}, or empty when it
   * does not exist there.
   */
  Optional<List<String>> concrete(JsonNode root) {
    List<String> out = new ArrayList<>();
    JsonNode node = root;
    for (Step step : steps) {
      String segment = node == null ? null : step.concrete(node);
      if (segment == null) {
        return Optional.empty();
      }
      out.add(segment);
      node = step.child(node);
    }
    return Optional.of(out);
  }

  /** Removes the node at this path from {@code root}; false when there was none. */
  boolean remove(JsonNode root) {
    if (steps.isEmpty()) {
      return false;
    }
    JsonNode parent = new IgnoredPath(steps.subList(0, steps.size() - 1)).get(root).orElse(null);
    if (parent == null) {
      return false;
    }
    String last = steps.get(steps.size() - 1).concrete(parent);
    if (last == null) {
      return false;
    }
    if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(last));
    } else {
      ((ObjectNode) parent).remove(last);
    }
    return true;
  }

  /**
   * Sets the node at this path in {@code root} to {@code value}, when its parent exists there;
   * false otherwise.
   */
  boolean set(JsonNode root, JsonNode value) {
    JsonNode parent = new IgnoredPath(steps.subList(0, steps.size() - 1)).get(root).orElse(null);
    Step last = steps.get(steps.size() - 1);
    if (parent instanceof ObjectNode object && last instanceof Segment segment) {
      object.set(segment.name(), value.deepCopy());
      return true;
    }
    String index = parent == null ? null : last.concrete(parent);
    if (parent instanceof ArrayNode array && index != null) {
      array.set(Integer.parseInt(index), value.deepCopy());
      return true;
    }
    return false;
  }

  private static int index(String segment) {
    if (segment.isEmpty() || segment.length() > 9) {
      return -1;
    }
    for (Iterator<Integer> it = segment.chars().iterator(); it.hasNext(); ) {
      if (!Character.isDigit(it.next())) {
        return -1;
      }
    }
    return Integer.parseInt(segment);
  }
}
