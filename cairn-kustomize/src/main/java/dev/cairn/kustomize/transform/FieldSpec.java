package dev.cairn.kustomize.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.engine.ResId;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a transformer acts: a kind selector (empty parts match anything) and a slash-separated path
 * whose list-valued steps fan out over every element.
 */
public record FieldSpec(
    String group, String version, String kind, List<String> path, boolean create) {

  /** A visitor of the field found at the end of a path. */
  @FunctionalInterface
  public interface Visitor {
    void visit(ObjectNode parent, String field);
  }

  public static FieldSpec of(String group, String version, String kind, String path, boolean c) {
    return new FieldSpec(group, version, kind, splitPath(path), c);
  }

  /** Splits on '/', honouring '\/' as a literal slash and dropping '[]' list markers. */
  public static List<String> splitPath(String path) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '/') {
        cur.append('/');
        i++;
      } else if (c == '/') {
        out.add(strip(cur.toString()));
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(strip(cur.toString()));
    return List.copyOf(out);
  }

  private static String strip(String segment) {
    return segment.endsWith("[]") ? segment.substring(0, segment.length() - 2) : segment;
  }

  public boolean selects(ResId id) {
    return (group.isEmpty() || group.equals(id.group()))
        && (version.isEmpty() || version.equals(id.version()))
        && (kind.isEmpty() || kind.equals(id.kind()));
  }

  /** Calls the visitor for every field the path reaches, creating maps on the way if asked. */
  public void walk(ObjectNode root, Visitor visitor) {
    walk(root, 0, visitor);
  }

  private void walk(ObjectNode node, int index, Visitor visitor) {
    String segment = path.get(index);
    if (index == path.size() - 1) {
      if (node.has(segment) || create) {
        visitor.visit(node, segment);
      }
      return;
    }
    JsonNode child = node.get(segment);
    if (child == null || child.isNull()) {
      if (!create) {
        return;
      }
      ObjectNode created = JsonNodeFactory.instance.objectNode();
      node.set(segment, created);
      walk(created, index + 1, visitor);
    } else if (child instanceof ObjectNode o) {
      walk(o, index + 1, visitor);
    } else if (child instanceof ArrayNode array) {
      for (JsonNode element : array) {
        if (element instanceof ObjectNode o) {
          walk(o, index + 1, visitor);
        }
      }
    }
  }
}
