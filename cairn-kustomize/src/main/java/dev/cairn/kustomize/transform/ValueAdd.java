package dev.cairn.kustomize.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The ValueAddTransformer's edit of one object: puts a value at a slash-separated field path,
 * creating maps on the way; with a file-path position {@code i > 0} the value instead becomes the
 * {@code i}-th segment (1-based) of the path string already there.
 */
public final class ValueAdd {
  private ValueAdd() {}

  public static void apply(ObjectNode root, String fieldPath, String value, int position) {
    List<String> path = FieldSpec.splitPath(fieldPath);
    ObjectNode node = root;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode child = node.get(path.get(i));
      node = child instanceof ObjectNode o ? o : node.putObject(path.get(i));
    }
    String field = path.get(path.size() - 1);
    if (position <= 0) {
      node.put(field, value);
      return;
    }
    JsonNode current = node.get(field);
    String old = current == null || current.isNull() ? "" : current.asText();
    List<String> parts = new ArrayList<>();
    if (!old.isEmpty()) {
      parts.addAll(List.of(old.split("/", -1)));
    }
    parts.add(Math.min(position - 1, parts.size()), value);
    node.put(field, String.join("/", parts));
  }
}
