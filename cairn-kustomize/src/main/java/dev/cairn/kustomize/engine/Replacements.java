package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.manifest.YamlDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code replacements:} field: copies a value from one source object's field into fields of
 * target objects, optionally one part of a delimited string, creating missing fields on request.
 */
final class Replacements {
  private Replacements() {}

  static void apply(BuildContext ctx, KustomizationFile k, ResourceSet set) {
    for (JsonNode entry : k.list("replacements")) {
      if (entry.hasNonNull("path")) {
        String where = ctx.display(k, entry.get("path").asText());
        for (YamlDocument d : Documents.read(where, ctx.readText(k, entry.get("path").asText()))) {
          if (d.content().isArray()) {
            d.content().forEach(r -> replace(r, set, where));
          } else {
            replace(d.content(), set, where);
          }
        }
      } else {
        replace(entry, set, k.file());
      }
    }
  }

  private static void replace(JsonNode replacement, ResourceSet set, String file) {
    JsonNode sourceSpec = replacement.get("source");
    if (sourceSpec == null || !sourceSpec.isObject()) {
      throw new KustomizeException(file, 0, "a replacement needs a source");
    }
    ObjectNode select = ((ObjectNode) sourceSpec).deepCopy();
    select.remove(List.of("fieldPath", "options"));
    List<Resource> sources = TargetSelector.of(select, file).select(set);
    if (sources.size() != 1) {
      throw new KustomizeException(
          file,
          0,
          (sources.isEmpty() ? "nothing selected by " : "multiple matches for selector ")
              + selectorText(select));
    }
    String fieldPath = sourceSpec.path("fieldPath").asText("metadata.name");
    List<JsonNode> found = FieldPathWalker.find(sources.get(0).node(), fieldPath, false);
    if (found.isEmpty()) {
      throw new KustomizeException(
          file,
          0,
          "fieldPath '" + fieldPath + "' is missing in replacement source " + sources.get(0).id());
    }
    JsonNode value = found.get(0);
    JsonNode sourceOptions = sourceSpec.path("options");
    if (sourceOptions.hasNonNull("delimiter")) {
      String[] parts =
          value
              .asText()
              .split(java.util.regex.Pattern.quote(sourceOptions.get("delimiter").asText()), -1);
      int index = sourceOptions.path("index").asInt(0);
      if (index < 0 || index >= parts.length) {
        throw new KustomizeException(
            file, 0, "options.index " + index + " is out of bounds for value " + value.asText());
      }
      value = TextNode.valueOf(parts[index]);
    }
    for (JsonNode target : replacement.path("targets")) {
      List<Resource> selected = TargetSelector.of(target.get("select"), file).select(set);
      List<TargetSelector> rejects = new ArrayList<>();
      for (JsonNode reject : target.path("reject")) {
        rejects.add(TargetSelector.of(reject, file));
      }
      for (Resource r : selected) {
        if (rejects.stream().anyMatch(s -> s.matches(r))) {
          continue;
        }
        for (JsonNode fp : target.path("fieldPaths")) {
          setAll(r, fp.asText(), value, target.path("options"), file);
        }
      }
    }
  }

  private static void setAll(
      Resource r, String fieldPath, JsonNode value, JsonNode options, String file) {
    boolean create = options.path("create").asBoolean(false);
    List<FieldPathWalker.Slot> slots = FieldPathWalker.slots(r.node(), fieldPath, create);
    if (slots.isEmpty() && !create) {
      throw new KustomizeException(
          file, 0, "unable to find field '" + fieldPath + "' in replacement target " + r.id());
    }
    for (FieldPathWalker.Slot slot : slots) {
      JsonNode newValue = value;
      if (options.hasNonNull("delimiter")) {
        String delimiter = options.get("delimiter").asText();
        JsonNode current = slot.get();
        List<String> parts =
            new ArrayList<>(
                List.of(
                    (current == null ? "" : current.asText())
                        .split(java.util.regex.Pattern.quote(delimiter), -1)));
        int index = options.path("index").asInt(0);
        if (index < 0) {
          parts.add(0, value.asText());
        } else if (index >= parts.size()) {
          parts.add(value.asText());
        } else {
          parts.set(index, value.asText());
        }
        newValue = TextNode.valueOf(String.join(delimiter, parts));
      }
      slot.set(keepScalarType(slot.get(), newValue));
    }
  }

  /** A selector as kustomize prints it, e.g. {@code Secret.[noVer].[noGrp]/db.[noNs]}. */
  private static String selectorText(JsonNode s) {
    return part(s, "kind", "[noKind]")
        + "."
        + part(s, "version", "[noVer]")
        + "."
        + part(s, "group", "[noGrp]")
        + "/"
        + part(s, "name", "[noName]")
        + "."
        + part(s, "namespace", "[noNs]");
  }

  private static String part(JsonNode s, String field, String none) {
    String v = s.path(field).asText("");
    return v.isEmpty() ? none : v;
  }

  /**
   * Kustomize writes the source's text into an existing scalar and keeps that scalar's type, so a
   * port copied into a string field stays a string; a missing or non-scalar target takes the source
   * node as it is.
   */
  static JsonNode keepScalarType(JsonNode current, JsonNode value) {
    if (current == null || current.isNull() || current.isContainerNode()) {
      return value.deepCopy();
    }
    if (value.isContainerNode() || value.isNull()) {
      return value.deepCopy();
    }
    String text = value.asText();
    if (current.isTextual()) {
      return TextNode.valueOf(text);
    }
    if (current.isBoolean() && (text.equals("true") || text.equals("false"))) {
      return BooleanNode.valueOf(text.equals("true"));
    }
    if (current.isNumber()) {
      try {
        long l = Long.parseLong(text);
        return l == (int) l ? IntNode.valueOf((int) l) : LongNode.valueOf(l);
      } catch (NumberFormatException e) {
        try {
          return DoubleNode.valueOf(Double.parseDouble(text));
        } catch (NumberFormatException notANumber) {
          // the text keeps the source's type
        }
      }
    }
    return value.deepCopy();
  }
}
