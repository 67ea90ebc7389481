package dev.cairn.testkit.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Status the API server itself maintains: a created Namespace is Active; a created
 * CustomResourceDefinition is Established with its names accepted (the simulated server serves it
 * at once).
 */
final class LifecycleStatus {
  private LifecycleStatus() {}

  static void initialise(ResourceType type, ObjectNode object) {
    if (type.isNamespace()) {
      object.putObject("status").put("phase", "Active");
    } else if (type.isCustomResourceDefinition()) {
      establish(object);
    }
  }

  static void establish(ObjectNode crd) {
    ObjectNode status = crd.putObject("status");
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    ArrayNode conditions = status.putArray("conditions");
    String now = ObjectWriter.now();
    conditions
        .addObject()
        .put("type", "NamesAccepted")
        .put("status", "True")
        .put("reason", "NoConflicts")
        .put("message", "no conflicts found")
        .put("lastTransitionTime", now);
    conditions
        .addObject()
        .put("type", "Established")
        .put("status", "True")
        .put("reason", "InitialNamesAccepted")
        .put("message", "the initial names have been accepted")
        .put("lastTransitionTime", now);
    ArrayNode stored = status.putArray("storedVersions");
    crd.path("spec")
        .path("versions")
        .forEach(
            v -> {
              if (v.path("storage").asBoolean(false)) {
                stored.add(v.path("name").asText());
              }
            });
  }
}
