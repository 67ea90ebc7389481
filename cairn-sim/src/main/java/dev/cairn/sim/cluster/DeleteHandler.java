package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DELETE as the API server does it: objects with finalizers are only marked (deletionTimestamp); a
 * Namespace turns Terminating and is emptied by {@link Cascades}; {@code propagationPolicy=Orphan}
 * strips the owner reference from dependents instead of leaving them to the garbage collector.
 * Callers hold the write lock.
 */
final class DeleteHandler {
  private final ObjectWriter writer;
  private final ObjectStore store;

  DeleteHandler(ObjectWriter writer) {
    this.writer = writer;
    this.store = writer.store();
  }

  WriteResult delete(ApiRequest request, ResourceType type) {
    if (request.subresource() != null) {
      throw ApiException.noSuchResource();
    }
    ObjectKey key = WriteHandler.keyOf(request, type);
    if (store.get(key) == null) {
      throw ApiException.notFound(type, request.name());
    }
    String propagation = propagation(request);
    return delete(type, key, request.isDryRun(), "Orphan".equals(propagation));
  }

  /** Deletes one object (also used by the namespace and garbage collectors). */
  WriteResult delete(ResourceType type, ObjectKey key, boolean dryRun, boolean orphan) {
    ObjectStore.Stored stored = store.get(key);
    if (stored == null) {
      throw ApiException.notFound(type, key.name());
    }
    ObjectNode live = stored.object();
    if (dryRun) {
      return new WriteResult(200, live);
    }
    JsonNode metadata = live.path("metadata");
    boolean finalizers = !metadata.path("finalizers").isEmpty();
    if (type.isNamespace() || finalizers) {
      if (metadata.hasNonNull("deletionTimestamp")) {
        return new WriteResult(200, live);
      }
      ObjectNode marked = live.deepCopy();
      // generation +1 when the deletion is only marked: markAsDeleting in
      // staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (and rest.BeforeDelete
      // for graceful deletion) bump it for every object whose generation is set
      long generation = metadata.path("generation").asLong(0);
      if (generation > 0) {
        marked.with("metadata").put("generation", generation + 1);
      }
      marked.with("metadata").put("deletionTimestamp", ObjectWriter.now());
      marked.with("metadata").put("deletionGracePeriodSeconds", 0);
      if (type.isNamespace()) {
        marked.with("status").put("phase", "Terminating");
      }
      writer.system(type, key, marked);
      return new WriteResult(200, marked);
    }
    if (orphan) {
      orphanDependents(live.path("metadata").path("uid").asText());
    }
    store.remove(key);
    return new WriteResult(200, live);
  }

  private void orphanDependents(String uid) {
    for (ObjectKey dependent : store.dependentsOf(uid)) {
      ObjectStore.Stored stored = store.get(dependent);
      ObjectNode next = stored.object().deepCopy();
      ArrayNode refs = (ArrayNode) next.with("metadata").path("ownerReferences");
      for (int i = refs.size() - 1; i >= 0; i--) {
        if (uid.equals(refs.get(i).path("uid").asText())) {
          refs.remove(i);
        }
      }
      if (refs.isEmpty()) {
        next.with("metadata").remove("ownerReferences");
      }
      writer.system(stored.type(), dependent, next);
    }
  }

  private static String propagation(ApiRequest request) {
    String fromQuery = request.query().get("propagationPolicy");
    if (fromQuery != null) {
      return fromQuery;
    }
    if (request.body() != null && !request.body().isBlank()) {
      JsonNode options = Json.parse(request.body());
      if (options.hasNonNull("propagationPolicy")) {
        return options.get("propagationPolicy").asText();
      }
      if (options.path("orphanDependents").asBoolean(false)) {
        return "Orphan";
      }
    }
    return "Background";
  }
}
