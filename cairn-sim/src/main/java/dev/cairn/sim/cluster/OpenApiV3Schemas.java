package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The {@code components.schemas} of one group-version's OpenAPI v3 document, named as
 * kube-apiserver names them: {@code io.k8s.api.apps.v1.Deployment} for built-in kinds, the reversed
 * group for custom resources ({@code dev.cairn.v1.Kustomization}, as apiextensions-apiserver names
 * them). A custom resource's schema is its CRD version's {@code openAPIV3Schema} with {@code
 * apiVersion}, {@code kind} and {@code metadata} added. Built-in kinds get a shallow schema only:
 * the top-level fields {@link UnknownFieldPruning} knows, typed but without the fields inside, or,
 * for kinds it does not know, an object that keeps unknown fields (the simulated cluster does not
 * carry the built-in types' schemas).
 */
final class OpenApiV3Schemas {
  static final String META_PREFIX = "io.k8s.apimachinery.pkg.apis.meta.v1.";

  /** The type of the top-level fields of built-in kinds that {@link UnknownFieldPruning} knows. */
  private static final Map<String, String> TOP_LEVEL_TYPES =
      Map.ofEntries(
          Map.entry("spec", "object"),
          Map.entry("status", "object"),
          Map.entry("data", "object"),
          Map.entry("binaryData", "object"),
          Map.entry("stringData", "object"),
          Map.entry("immutable", "boolean"),
          Map.entry("type", "string"),
          Map.entry("secrets", "array"),
          Map.entry("imagePullSecrets", "array"),
          Map.entry("automountServiceAccountToken", "boolean"),
          Map.entry("rules", "array"),
          Map.entry("aggregationRule", "object"),
          Map.entry("subjects", "array"),
          Map.entry("roleRef", "object"));

  private static final Map<String, String> OBJECT_META_TYPES =
      Map.ofEntries(
          Map.entry("name", "string"),
          Map.entry("generateName", "string"),
          Map.entry("namespace", "string"),
          Map.entry("selfLink", "string"),
          Map.entry("uid", "string"),
          Map.entry("resourceVersion", "string"),
          Map.entry("generation", "integer"),
          Map.entry("creationTimestamp", "string"),
          Map.entry("deletionTimestamp", "string"),
          Map.entry("deletionGracePeriodSeconds", "integer"),
          Map.entry("labels", "object"),
          Map.entry("annotations", "object"),
          Map.entry("ownerReferences", "array"),
          Map.entry("finalizers", "array"),
          Map.entry("managedFields", "array"));

  private OpenApiV3Schemas() {}

  /** The name of a kind's schema in {@code components.schemas}. */
  static String name(ResourceType type) {
    if (type.custom()) {
      List<String> parts = new ArrayList<>(List.of(type.group().split("\\.")));
      Collections.reverse(parts);
      return String.join(".", parts) + "." + type.version() + "." + type.kind();
    }
    String group = type.group();
    String pkg;
    if (group.equals("apiextensions.k8s.io")) {
      pkg = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions";
    } else if (group.equals("apiregistration.k8s.io")) {
      pkg = "io.k8s.kube-aggregator.pkg.apis.apiregistration";
    } else {
      pkg = "io.k8s.api." + (group.isEmpty() ? "core" : group.split("\\.")[0]);
    }
    return pkg + "." + type.version() + "." + type.kind();
  }

  /** Adds the schemas of a kind and its list. */
  static void add(ObjectNode schemas, ResourceType type) {
    String name = name(type);
    ObjectNode schema = type.custom() ? custom(type) : builtIn(type);
    standardFields(schema, "ObjectMeta", "Standard object's metadata.");
    gvk(schema, type, type.kind());
    schemas.set(name, schema);

    ObjectNode list = Json.MAPPER.createObjectNode();
    list.put("description", type.kind() + "List is a list of " + type.kind());
    list.put("type", "object").putArray("required").add("items");
    ObjectNode items = list.putObject("properties").putObject("items");
    items.put("description", "List of " + type.plural() + ".").put("type", "array");
    items.putObject("items").putArray("allOf").addObject().put("$ref", ref(name));
    standardFields(list, "ListMeta", "Standard list metadata.");
    gvk(list, type, type.kind() + "List");
    schemas.set(name + "List", list);
  }

  /** The shared meta/v1 schemas the kind schemas and the PATCH operations refer to. */
  static void addMeta(ObjectNode schemas) {
    ObjectNode objectMeta = schemas.putObject(META_PREFIX + "ObjectMeta");
    objectMeta.put("description", "Metadata all persisted resources must have.");
    objectMeta.put("type", "object");
    ObjectNode properties = objectMeta.putObject("properties");
    OBJECT_META_TYPES.keySet().stream()
        .sorted()
        .forEach(field -> typed(properties.putObject(field), OBJECT_META_TYPES.get(field)));
    ObjectNode listMeta = schemas.putObject(META_PREFIX + "ListMeta");
    listMeta.put("description", "Metadata that lists have.").put("type", "object");
    ObjectNode listProperties = listMeta.putObject("properties");
    for (String field : List.of("continue", "remainingItemCount", "resourceVersion", "selfLink")) {
      typed(
          listProperties.putObject(field),
          field.equals("remainingItemCount") ? "integer" : "string");
    }
    schemas
        .putObject(META_PREFIX + "Patch")
        .put("description", "Patch is provided to give a concrete name and type to the patch body.")
        .put("type", "object");
  }

  private static ObjectNode custom(ResourceType type) {
    JsonNode declared = type.schema();
    if (declared instanceof ObjectNode object) {
      return object.deepCopy();
    }
    ObjectNode open = Json.MAPPER.createObjectNode().put("type", "object");
    open.put("x-kubernetes-preserve-unknown-fields", true);
    return open;
  }

  private static ObjectNode builtIn(ResourceType type) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    schema.put("description", type.kind() + " (" + type.apiVersion() + ")");
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    if (UnknownFieldPruning.topLevel(type).isEmpty()) {
      // fields this simulation does not know are not undeclared: say nothing about them
      schema.put("x-kubernetes-preserve-unknown-fields", true);
    }
    UnknownFieldPruning.topLevel(type).stream()
        .sorted()
        .forEach(
            field ->
                typed(properties.putObject(field), TOP_LEVEL_TYPES.getOrDefault(field, "object")));
    return schema;
  }

  private static void typed(ObjectNode property, String type) {
    property.put("type", type);
    if (type.equals("object")) {
      property.put("x-kubernetes-preserve-unknown-fields", true);
    } else if (type.equals("array")) {
      property.putObject("items").put("type", "object");
    }
  }

  private static void standardFields(ObjectNode schema, String metaKind, String metaDescription) {
    ObjectNode properties = schema.with("properties");
    properties
        .putObject("apiVersion")
        .put("description", "APIVersion defines the versioned schema of this representation.")
        .put("type", "string");
    properties
        .putObject("kind")
        .put("description", "Kind is a string value representing the REST resource.")
        .put("type", "string");
    ObjectNode metadata = properties.putObject("metadata");
    metadata.putArray("allOf").addObject().put("$ref", ref(META_PREFIX + metaKind));
    metadata.put("description", metaDescription);
  }

  private static void gvk(ObjectNode schema, ResourceType type, String kind) {
    schema
        .putArray("x-kubernetes-group-version-kind")
        .addObject()
        .put("group", type.group())
        .put("kind", kind)
        .put("version", type.version());
  }

  private static String ref(String name) {
    return "#/components/schemas/" + name;
  }
}
