package dev.cairn.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.patch.PatchSchema.Field;
import dev.cairn.kustomize.patch.PatchSchema.ListStrategy;
import dev.cairn.kustomize.patch.PatchSchema.SchemaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategic-merge schema read from a kustomization's {@code openapi: {path: ...}} document, as
 * kustomize reads it: definitions named by {@code x-kubernetes-group-version-kind} are the roots of
 * those kinds, and a list merges by key where its property carries {@code
 * x-kubernetes-patch-strategy: merge} and {@code x-kubernetes-patch-merge-key} (or, when given,
 * every key of {@code x-kubernetes-list-map-keys}), as a set where it has the strategy but no key.
 * Like kustomize, the document replaces the built-in schema: kinds (and versions) it does not
 * define merge maps and replace lists.
 */
public final class OpenApiSchema {
  private static final String REF_PREFIX = "#/definitions/";

  private final JsonNode definitions;
  private final Map<String, SchemaType> types = new HashMap<>();

  private OpenApiSchema(JsonNode definitions) {
    this.definitions = definitions;
  }

  /** Reads the document; throws {@link IllegalArgumentException} when it has no definitions map. */
  public static PatchSchema read(JsonNode document) {
    JsonNode definitions = document == null ? null : document.get("definitions");
    if (definitions == null || !definitions.isObject()) {
      throw new IllegalArgumentException("the OpenAPI document has no 'definitions' map");
    }
    OpenApiSchema reader = new OpenApiSchema(definitions);
    Map<String, SchemaType> roots = new HashMap<>();
    definitions
        .fields()
        .forEachRemaining(
            e -> {
              for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
                String group = gvk.path("group").asText("");
                String version = gvk.path("version").asText("");
                String kind = gvk.path("kind").asText("");
                roots.put(
                    (group.isEmpty() ? "core" : group) + "/" + version + "/" + kind,
                    reader.named(e.getKey()));
              }
            });
    return new PatchSchema(reader.types, roots);
  }

  private SchemaType named(String name) {
    SchemaType known = types.get(name);
    if (known != null) {
      return known;
    }
    SchemaType type = new SchemaType(name);
    types.put(name, type);
    fill(type, definitions.path(name));
    return type;
  }

  private void fill(SchemaType type, JsonNode definition) {
    definition
        .path("properties")
        .fields()
        .forEachRemaining(
            p -> type.put(p.getKey(), field(type.name() + "." + p.getKey(), p.getValue())));
  }

  private Field field(String path, JsonNode property) {
    if (property.path("type").asText("").equals("array")) {
      JsonNode items = property.path("items");
      SchemaType element = typeOf(path + "[]", items);
      boolean merge = property.path("x-kubernetes-patch-strategy").asText("").contains("merge");
      List<String> keys = new ArrayList<>();
      property.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
      if (keys.isEmpty() && property.hasNonNull("x-kubernetes-patch-merge-key")) {
        keys.add(property.get("x-kubernetes-patch-merge-key").asText());
      }
      if (merge && !keys.isEmpty()) {
        return new Field(
            element, ListStrategy.MERGE_BY_KEY, keys.get(0), keys.subList(1, keys.size()));
      }
      if (merge && element == null) {
        return new Field(null, ListStrategy.MERGE_AS_SET, null, List.of());
      }
      return new Field(element, ListStrategy.REPLACE, null, List.of());
    }
    return new Field(typeOf(path, property), ListStrategy.REPLACE, null, List.of());
  }

  /** The type a property or list item refers to or declares inline; null for scalars. */
  private SchemaType typeOf(String path, JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    if (ref.startsWith(REF_PREFIX)) {
      return named(ref.substring(REF_PREFIX.length()));
    }
    if (schema.path("properties").isObject()) {
      SchemaType inline = new SchemaType(path);
      fill(inline, schema);
      return inline;
    }
    return null;
  }
}
