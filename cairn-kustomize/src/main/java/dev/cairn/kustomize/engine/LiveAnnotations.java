package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * While a build with {@code buildMetadata} runs, kustomize keeps the origin and transformer
 * annotations on every object, so a patch sees them (a JSON 6902 {@code replace} of
 * metadata.annotations applies to an object that has none of its own) and may erase them. Cairn
 * records them aside; around a patch they are put on the object and taken off again, noting an
 * erasure for {@link TargetBuilder} to account for.
 */
final class LiveAnnotations {
  static final String ORIGIN = "config.kubernetes.io/origin";
  static final String TRANSFORMATIONS = "alpha.config.kubernetes.io/transformations";

  private LiveAnnotations() {}

  static void add(Resource r) {
    ObjectNode annotations = r.metadata().with("annotations");
    annotations.put(ORIGIN, "");
    if (!r.transformations().isEmpty()) {
      annotations.put(TRANSFORMATIONS, "");
    }
  }

  /** Takes the annotations off again; {@code transformer} is the patch's transformer index. */
  static void remove(Resource r, int transformer) {
    JsonNode meta = r.node().path("metadata");
    if (!(meta.path("annotations") instanceof ObjectNode annotations)) {
      r.setErasedAt(transformer);
      if (meta instanceof ObjectNode m && m.has("annotations")) {
        m.remove("annotations");
      }
      return;
    }
    if (!annotations.has(ORIGIN)) {
      r.setErasedAt(transformer);
    }
    annotations.remove(ORIGIN);
    annotations.remove(TRANSFORMATIONS);
    if (annotations.isEmpty()) {
      ((ObjectNode) meta).remove("annotations");
    }
  }
}
