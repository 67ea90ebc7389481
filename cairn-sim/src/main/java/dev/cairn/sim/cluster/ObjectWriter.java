package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The last step of every write: system metadata (uid, creationTimestamp, resourceVersion,
 * generation), what the server rewrites (unknown fields, defaults, quantities, schema pruning),
 * no-op detection, update rules (immutable fields, finalizers), schema validation, dry-run, the
 * deletion of objects whose last finalizer went away, and storing. Callers hold the write lock.
 */
final class ObjectWriter {
  private static final List<String> SYSTEM_METADATA =
      List.of(
          "uid",
          "creationTimestamp",
          "generation",
          "resourceVersion",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  private final ObjectStore store;
  private final LongSupplier resourceVersions;
  private final ObjectValidator validator;
  private final ServiceAllocation services = new ServiceAllocation();

  ObjectWriter(ObjectStore store, LongSupplier resourceVersions, ObjectValidator validator) {
    this.store = store;
    this.resourceVersions = resourceVersions;
    this.validator = validator;
  }

  ObjectStore store() {
    return store;
  }

  /** Stores a new object (201), or only returns it under dry-run. */
  WriteResult create(ResourceType type, ObjectKey key, ObjectNode object, boolean dryRun) {
    ObjectNode metadata = object.with("metadata");
    SYSTEM_METADATA.forEach(metadata::remove);
    placeInNamespace(metadata, key);
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", now());
    if (type.tracksGeneration()) {
      metadata.put("generation", 1);
    }
    LifecycleStatus.initialise(type, object);
    LifecycleStatus.foldStringData(type, object);
    normalize(type, object, null);
    if (!dryRun) {
      metadata.put("resourceVersion", String.valueOf(resourceVersions.getAsLong()));
      return WriteResult.stored(201, object, store.put(type, key, object));
    }
    return new WriteResult(201, object);
  }

  /**
   * Stores {@code next} as the new state of {@code live}: returns live unchanged for a no-op, bumps
   * generation when the spec changed and resourceVersion when anything changed.
   */
  WriteResult update(
      ResourceType type,
      ObjectKey key,
      ObjectNode live,
      ObjectNode next,
      boolean statusWrite,
      boolean dryRun) {
    next.put("apiVersion", type.apiVersion()).put("kind", type.kind());
    ObjectNode metadata = next.with("metadata");
    JsonNode liveMetadata = live.path("metadata");
    for (String field : SYSTEM_METADATA) {
      metadata.remove(field);
      if (liveMetadata.has(field)) {
        metadata.set(field, liveMetadata.get(field));
      }
    }
    metadata.put("name", key.name());
    placeInNamespace(metadata, key);
    LifecycleStatus.foldStringData(type, next);
    normalize(type, next, live);
    if (next.equals(live)) {
      return new WriteResult(200, live);
    }
    UpdateRules.check(type, live, next);
    if (type.tracksGeneration() && !statusWrite && specChanged(type, live, next)) {
      metadata.put("generation", liveMetadata.path("generation").asLong(0) + 1);
    }
    if (dryRun) {
      return new WriteResult(200, next);
    }
    if (metadata.hasNonNull("deletionTimestamp")
        && metadata.path("finalizers").isEmpty()
        && !type.isNamespace()) {
      store.remove(key);
      return new WriteResult(200, next);
    }
    metadata.put("resourceVersion", String.valueOf(resourceVersions.getAsLong()));
    return WriteResult.stored(200, next, store.put(type, key, next));
  }

  /** Stores a change the server makes itself (deletion marks, controllers' status). */
  void system(ResourceType type, ObjectKey key, ObjectNode next) {
    next.with("metadata").put("resourceVersion", String.valueOf(resourceVersions.getAsLong()));
    store.put(type, key, next);
  }

  /** The server owns metadata.namespace: the request path's, or none for cluster-scoped kinds. */
  private static void placeInNamespace(ObjectNode metadata, ObjectKey key) {
    if (key.namespace().isEmpty()) {
      metadata.remove("namespace");
    } else {
      metadata.put("namespace", key.namespace());
    }
  }

  static boolean specChanged(ResourceType type, JsonNode live, JsonNode next) {
    return !withoutMetadata(type, live).equals(withoutMetadata(type, next));
  }

  private static ObjectNode withoutMetadata(ResourceType type, JsonNode object) {
    ObjectNode copy = Json.MAPPER.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.equals("metadata")
          || name.equals("apiVersion")
          || name.equals("kind")
          || (name.equals("status") && type.statusSubresource())) {
        continue;
      }
      copy.set(name, field.getValue());
    }
    return copy;
  }

  /**
   * What the API server does to a written object before it compares and stores it: drops unknown
   * fields, fills in defaults, allocates Service IPs and ports, canonicalizes quantities; for
   * custom resources, prunes, defaults and validates against the CRD schema (422 when invalid).
   */
  private void normalize(ResourceType type, ObjectNode object, ObjectNode live) {
    UnknownFieldPruning.prune(type, object);
    BuiltInDefaults.apply(type, object);
    services.allocate(type, object, live);
    QuantityFields.normalize(type, object);
    if (!type.custom() || type.schema() == null) {
      return;
    }
    ObjectValidator.Checked checked =
        validator.check(type.apiVersion(), type.kind(), type.schema(), object);
    if (checked.object() != object && checked.object() instanceof ObjectNode pruned) {
      // keep the metadata node itself: callers go on writing system metadata into it
      JsonNode metadata = object.get("metadata");
      object.removeAll();
      object.setAll(pruned);
      object.set("metadata", metadata);
    }
    List<String> errors = checked.errors();
    if (errors.isEmpty()) {
      return;
    }
    String name = object.path("metadata").path("name").asText();
    String joined = errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
    List<ApiException.Cause> causes =
        errors.stream().map(e -> new ApiException.Cause("FieldValueInvalid", e, null)).toList();
    throw new ApiException(
        422, "Invalid", type.qualifiedKind() + " \"" + name + "\" is invalid: " + joined, causes);
  }

  /**
   * The fields of an applied configuration the kind's schema does not declare, as
   * structured-merge-diff names them ({@code .spec.colour}): {@code metadata}'s and, for built-in
   * kinds, the top level (see {@link UnknownFieldPruning}); for custom resources, what the CRD
   * schema would prune.
   */
  List<String> undeclaredFields(ResourceType type, ObjectNode applied) {
    List<String> undeclared = new ArrayList<>();
    UnknownFieldPruning.unknownFields(type, applied).forEach(f -> undeclared.add("." + f));
    if (type.custom() && type.schema() != null) {
      validator
          .check(type.apiVersion(), type.kind(), type.schema(), applied)
          .prunedFields()
          .stream()
          .map(f -> "." + f)
          .forEach(undeclared::add);
    }
    return undeclared;
  }

  static String now() {
    return Timestamps.now();
  }
}
