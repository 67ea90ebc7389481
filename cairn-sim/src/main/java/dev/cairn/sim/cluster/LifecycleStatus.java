package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the API server itself writes into objects: a created Namespace is Active; a created
 * CustomResourceDefinition gets its {@code storedVersions} and empty {@code acceptedNames} (its
 * strategy's {@code PrepareForCreate}), and is Established only afterwards, asynchronously, by
 * {@link Cascades} (the naming and establishing controllers of apiextensions-apiserver); a Secret's
 * stringData is folded into data.
 */
final class LifecycleStatus {
  private LifecycleStatus() {}

  /**
   * A Secret's {@code stringData} is write-only: the server merges it into {@code data} (base64)
   * and never stores it.
   */
  static void foldStringData(ResourceType type, ObjectNode object) {
    if (!type.group().isEmpty() || !type.kind().equals("Secret") || !object.has("stringData")) {
      return;
    }
    com.fasterxml.jackson.databind.JsonNode stringData = object.remove("stringData");
    if (!stringData.isObject() || stringData.isEmpty()) {
      return;
    }
    ObjectNode data = object.with("data");
    stringData
        .fields()
        .forEachRemaining(
            e ->
                data.put(
                    e.getKey(),
                    java.util.Base64.getEncoder()
                        .encodeToString(
                            e.getValue()
                                .asText()
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  static void initialise(ResourceType type, ObjectNode object) {
    if (type.isNamespace()) {
      object.putObject("status").put("phase", "Active");
    } else if (type.isCustomResourceDefinition()) {
      ObjectNode status = object.putObject("status");
      status.putObject("acceptedNames").put("plural", "").put("kind", "");
      storedVersions(object, status);
    }
  }

  static boolean isEstablished(JsonNode crd) {
    for (JsonNode condition : crd.path("status").path("conditions")) {
      if (condition.path("type").asText().equals("Established")
          && condition.path("status").asText().equals("True")) {
        return true;
      }
    }
    return false;
  }

  /** What the naming and establishing controllers write once a created CRD is served. */
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
    storedVersions(crd, status);
  }

  private static void storedVersions(ObjectNode crd, ObjectNode status) {
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
