package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.KustomizeException;
import java.util.List;

/** Adds a generated object to a set honouring its behavior: create, merge or replace. */
final class GeneratedMerge {
  private GeneratedMerge() {}

  static void absorb(ResourceSet set, Resource generated) {
    ResId id = generated.id();
    List<Resource> matches = set.findByAnyId(id);
    if (matches.isEmpty()) {
      if (generated.behavior() != Resource.Behavior.CREATE) {
        throw new KustomizeException(
            generated.file(), 0, "id " + id + " does not exist; cannot merge or replace");
      }
      set.append(generated);
      return;
    }
    if (matches.size() > 1) {
      throw new KustomizeException(generated.file(), 0, "several objects match generated " + id);
    }
    Resource old = matches.get(0);
    switch (generated.behavior()) {
      case CREATE ->
          throw new KustomizeException(
              generated.file(), 0, "id " + id + " exists; behavior must be merge or replace");
      case REPLACE -> copyMetadata(generated, old);
      case MERGE -> {
        copyMetadata(generated, old);
        mergeMap(generated.node(), old.node(), "data");
        mergeMap(generated.node(), old.node(), "binaryData");
      }
      default -> throw new IllegalStateException();
    }
    generated.copyHistoryFrom(old);
    // Kustomize keeps its needs-hash marker only when both the old and the new object carry it.
    generated.setNeedsHashSuffix(old.needsHashSuffix() && generated.needsHashSuffix());
    generated.setBehavior(old.behavior());
    generated.setOriginPath(old.originPath());
    generated.setGeneratedBy(old.generatedBy());
    set.replace(old, generated);
  }

  private static void copyMetadata(Resource into, Resource from) {
    ObjectNode meta = into.metadata();
    for (String field : List.of("labels", "annotations")) {
      JsonNode oldMap = from.node().path("metadata").get(field);
      if (oldMap instanceof ObjectNode o && !o.isEmpty()) {
        ObjectNode merged = o.deepCopy();
        JsonNode newMap = meta.get(field);
        if (newMap instanceof ObjectNode n) {
          merged.setAll(n);
        }
        meta.set(field, merged);
      }
    }
    meta.put("name", from.name());
    if (!from.namespace().isEmpty()) {
      meta.put("namespace", from.namespace());
    } else {
      meta.remove("namespace");
    }
  }

  private static void mergeMap(ObjectNode into, ObjectNode from, String field) {
    JsonNode old = from.get(field);
    if (!(old instanceof ObjectNode o) || o.isEmpty()) {
      return;
    }
    ObjectNode merged = o.deepCopy();
    JsonNode fresh = into.get(field);
    if (fresh instanceof ObjectNode n) {
      merged.setAll(n);
    }
    into.set(field, merged);
  }
}
