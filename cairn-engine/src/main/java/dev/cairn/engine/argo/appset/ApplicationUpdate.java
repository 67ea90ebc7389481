package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.api.argo.ApplicationSetIgnoreDifference;
import dev.cairn.api.argo.ApplicationSetPreservedFields;
import dev.cairn.api.argo.ApplicationSetSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Application the set writes over a live one: the generated spec, labels, annotations and
 * finalizers, except what the set leaves alone: {@code preservedFields} (and Argo CD's refresh,
 * hydrate and notification annotations, always), {@code ignoreApplicationDifferences} JSON pointers
 * (the live value is kept), finalizers other controllers added, and {@code operation}.
 */
final class ApplicationUpdate {
  private static final List<String> ALWAYS_PRESERVED =
      List.of(
          "argocd.argoproj.io/refresh",
          "argocd.argoproj.io/hydrate",
          "notified.notifications.argoproj.io");

  private ApplicationUpdate() {}

  /** {@code live} with the set's fields of {@code desired}; {@code live} is not changed. */
  static ObjectNode merge(ApplicationSetSpec spec, ObjectNode desired, ObjectNode live) {
    ObjectNode out = live.deepCopy();
    out.set("spec", desired.path("spec").deepCopy());
    ObjectNode metadata = (ObjectNode) out.get("metadata");
    JsonNode wanted = desired.path("metadata");
    ApplicationSetPreservedFields preserved = spec.preservedFields();
    metadata.set(
        "labels",
        keep(
            wanted.path("labels"),
            live.path("metadata").path("labels"),
            preserved == null || preserved.labels() == null ? List.of() : preserved.labels()));
    List<String> annotations = new java.util.ArrayList<>(ALWAYS_PRESERVED);
    if (preserved != null && preserved.annotations() != null) {
      annotations.addAll(preserved.annotations());
    }
    metadata.set(
        "annotations",
        keep(wanted.path("annotations"), live.path("metadata").path("annotations"), annotations));
    metadata.set(
        "finalizers",
        finalizers(wanted.path("finalizers"), live.path("metadata").path("finalizers")));
    for (ApplicationSetIgnoreDifference ignore : ignores(spec)) {
      if (ignore.name() == null
          || ignore.name().isEmpty()
          || ignore.name().equals(metadata.path("name").asText())) {
        for (String pointer :
            ignore.jsonPointers() == null ? List.<String>of() : ignore.jsonPointers()) {
          copyAt(JsonPointer.compile(pointer), live, out);
        }
      }
    }
    return out;
  }

  private static List<ApplicationSetIgnoreDifference> ignores(ApplicationSetSpec spec) {
    return spec.ignoreApplicationDifferences() == null
        ? List.of()
        : spec.ignoreApplicationDifferences();
  }

  private static ObjectNode keep(JsonNode desired, JsonNode live, List<String> preserved) {
    ObjectNode out =
        desired.isObject() ? ((ObjectNode) desired).deepCopy() : JsonNodeFactoryHolder.object();
    for (String key : preserved) {
      if (live.has(key)) {
        out.set(key, live.get(key).deepCopy());
      }
    }
    return out;
  }

  private static ArrayNode finalizers(JsonNode desired, JsonNode live) {
    Set<String> out = new LinkedHashSet<>();
    live.forEach(
        f -> {
          if (!f.asText().equals(ApplicationSet.RESOURCES_FINALIZER)
              && !f.asText().startsWith(ApplicationSet.RESOURCES_FINALIZER + "/")) {
            out.add(f.asText());
          }
        });
    desired.forEach(f -> out.add(f.asText()));
    ArrayNode array = JsonNodeFactoryHolder.array();
    out.forEach(array::add);
    return array;
  }

  /** Sets {@code target} at {@code pointer} to {@code source}'s value there, or removes it. */
  private static void copyAt(JsonPointer pointer, JsonNode source, ObjectNode target) {
    JsonNode value = source.at(pointer);
    JsonNode parent = target.at(pointer.head());
    String field = pointer.last().getMatchingProperty();
    if (parent instanceof ObjectNode p) {
      if (value.isMissingNode()) {
        p.remove(field);
      } else {
        p.set(field, value.deepCopy());
      }
    } else if (parent instanceof ArrayNode a && pointer.last().mayMatchElement()) {
      int index = pointer.last().getMatchingIndex();
      if (!value.isMissingNode() && index < a.size()) {
        a.set(index, value.deepCopy());
      }
    }
  }

  /** Whether writing {@code updated} over {@code live} would change anything the set owns. */
  static boolean differs(ObjectNode updated, ObjectNode live) {
    return !updated.path("spec").equals(live.path("spec"))
        || !normalized(updated.path("metadata").path("labels"))
            .equals(normalized(live.path("metadata").path("labels")))
        || !normalized(updated.path("metadata").path("annotations"))
            .equals(normalized(live.path("metadata").path("annotations")))
        || !normalized(updated.path("metadata").path("finalizers"))
            .equals(normalized(live.path("metadata").path("finalizers")))
        || !updated
            .path("metadata")
            .path("ownerReferences")
            .equals(live.path("metadata").path("ownerReferences"));
  }

  private static JsonNode normalized(JsonNode node) {
    return node.isMissingNode() || node.isNull() || node.isEmpty()
        ? JsonNodeFactoryHolder.object()
        : node;
  }

  private static final class JsonNodeFactoryHolder {
    static ObjectNode object() {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
  }
}
