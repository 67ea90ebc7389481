package dev.cairn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec} schema of one generated CRD ({@code deploy/crds/*.yml}): its paths ({@code
 * spec.a.b}, array items looked into) and sample values that set a path.
 */
record CrdSpecSchemas(String kind, JsonNode spec) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static CrdSpecSchemas read(Path crd) {
    try {
      JsonNode root = YAML.readTree(crd.toFile());
      String kind = root.at("/spec/names/kind").asText();
      JsonNode spec = root.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
      return new CrdSpecSchemas(kind, spec);
    } catch (IOException e) {
      throw new UncheckedIOException(crd.toString(), e);
    }
  }

  /** Every path under {@code spec}, parents before children, in schema order. */
  List<String> paths() {
    List<String> out = new ArrayList<>();
    walk(spec, "spec", out);
    return out;
  }

  private static void walk(JsonNode schema, String prefix, List<String> out) {
    JsonNode items = schema.path("items");
    if ("array".equals(schema.path("type").asText()) && items.isObject()) {
      walk(items, prefix, out);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      out.add(prefix + "." + field.getKey());
      walk(field.getValue(), prefix + "." + field.getKey(), out);
    }
  }

  /** The schema of {@code path}, looking through arrays to their items. */
  JsonNode schemaOf(String path) {
    JsonNode schema = spec;
    for (String segment : path.substring("spec.".length()).split("\\.")) {
      schema = itemsOf(schema).path("properties").path(segment);
    }
    return schema;
  }

  /**
   * Sets {@code path} in {@code object} (a spec tree) to {@code value}, creating what is absent.
   */
  void set(ObjectNode object, String path, JsonNode value) {
    String[] segments = path.substring("spec.".length()).split("\\.");
    ObjectNode current = object;
    JsonNode schema = spec;
    for (int i = 0; i < segments.length - 1; i++) {
      schema = itemsOf(schema).path("properties").path(segments[i]);
      current = child(current, segments[i], isArray(schema));
    }
    JsonNode leafSchema = itemsOf(schema).path("properties").path(segments[segments.length - 1]);
    boolean wrap = isArray(leafSchema) && !value.isArray();
    current.set(segments[segments.length - 1], wrap ? NODES.arrayNode().add(value) : value);
  }

  private static ObjectNode child(ObjectNode parent, String name, boolean array) {
    if (array) {
      ArrayNode list =
          parent.get(name) instanceof ArrayNode existing ? existing : parent.putArray(name);
      if (list.isEmpty()) {
        list.addObject();
      }
      return (ObjectNode) list.get(0);
    }
    return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
  }

  /**
   * A value that sets a field of {@code schema}: the last enum value, {@code true}, {@code 1},
   * {@code "x"}, a list of one sample item, an object with its first property set.
   */
  static JsonNode sample(JsonNode schema) {
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return values.get(values.size() - 1);
    }
    return switch (schema.path("type").asText()) {
      case "boolean" -> NODES.booleanNode(true);
      case "integer", "number" -> NODES.numberNode(1);
      case "array" -> NODES.arrayNode().add(sample(schema.path("items")));
      case "object" -> sampleObject(schema);
      default -> NODES.textNode("x");
    };
  }

  private static JsonNode sampleObject(JsonNode schema) {
    ObjectNode object = NODES.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
    if (!fields.hasNext()) {
      object.put("x", "x");
      return object;
    }
    String first = schema.path("required").path(0).asText(null);
    if (first == null) {
      Map.Entry<String, JsonNode> field = fields.next();
      object.set(field.getKey(), sample(field.getValue()));
    } else {
      object.set(first, sample(schema.path("properties").path(first)));
    }
    return object;
  }

  private static JsonNode itemsOf(JsonNode schema) {
    return isArray(schema) ? schema.path("items") : schema;
  }

  private static boolean isArray(JsonNode schema) {
    return "array".equals(schema.path("type").asText());
  }
}
