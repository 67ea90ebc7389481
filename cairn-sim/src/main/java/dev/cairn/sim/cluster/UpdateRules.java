package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What kube-apiserver refuses on update (422 Invalid, the field named), checked on the object as it
 * would be stored:
 *
 * <ul>
 *   <li>no new finalizers on an object being deleted ({@code ValidateObjectMetaUpdate} → {@code
 *       ValidateNoNewFinalizers},
 *       staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go);
 *   <li>immutable fields: the selector of apps/v1 workloads ({@code ValidateDeploymentUpdate},
 *       {@code ValidateStatefulSetUpdate}, {@code ValidateDaemonSetUpdate},
 *       pkg/apis/apps/validation); StatefulSet spec fields other than the updatable ones; Job
 *       {@code selector} and {@code template} (pkg/apis/batch/validation {@code
 *       ValidateJobSpecUpdate}); Service {@code clusterIP} once set (pkg/apis/core/validation
 *       {@code ValidateServiceUpdate}); PVC {@code spec} except {@code resources.requests} and
 *       {@code volumeAttributesClassName} ({@code ValidatePersistentVolumeClaimUpdate}); {@code
 *       data} of an immutable ConfigMap or Secret; the {@code roleRef} of role bindings
 *       (pkg/apis/rbac/validation).
 * </ul>
 */
final class UpdateRules {
  private static final Set<String> STATEFUL_SET_UPDATABLE =
      Set.of(
          "replicas",
          "ordinals",
          "template",
          "updateStrategy",
          "revisionHistoryLimit",
          "persistentVolumeClaimRetentionPolicy",
          "minReadySeconds");

  private UpdateRules() {}

  static void check(ResourceType type, JsonNode live, JsonNode next) {
    List<String> errors = new ArrayList<>();
    finalizers(live, next, errors);
    if (!type.custom()) {
      immutable(type, live, next, errors);
    }
    if (!errors.isEmpty()) {
      String name = next.path("metadata").path("name").asText();
      String joined = errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
      List<ApiException.Cause> causes =
          errors.stream().map(e -> new ApiException.Cause("FieldValueInvalid", e, null)).toList();
      throw new ApiException(
          422, "Invalid", type.qualifiedKind() + " \"" + name + "\" is invalid: " + joined, causes);
    }
  }

  private static void finalizers(JsonNode live, JsonNode next, List<String> errors) {
    if (!live.path("metadata").hasNonNull("deletionTimestamp")) {
      return;
    }
    Set<String> added = new TreeSet<>();
    next.path("metadata").path("finalizers").forEach(f -> added.add(f.asText()));
    live.path("metadata").path("finalizers").forEach(f -> added.remove(f.asText()));
    if (!added.isEmpty()) {
      StringBuilder list = new StringBuilder("[]string{");
      added.forEach(f -> list.append('"').append(f).append("\", "));
      list.setLength(list.length() - 2);
      errors.add(
          "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being"
              + " deleted, found new finalizers "
              + list
              + "}");
    }
  }

  private static void immutable(
      ResourceType type, JsonNode live, JsonNode next, List<String> errors) {
    JsonNode before = live.path("spec");
    JsonNode after = next.path("spec");
    switch (type.group() + "/" + type.kind()) {
      case "apps/Deployment", "apps/DaemonSet", "apps/ReplicaSet" ->
          same(before, after, "selector", "spec.selector", errors);
      case "apps/StatefulSet" -> statefulSet(before, after, errors);
      case "batch/Job" -> {
        same(before, after, "selector", "spec.selector", errors);
        same(before, after, "template", "spec.template", errors);
      }
      case "/Service" -> clusterIp(before, after, errors);
      case "/PersistentVolumeClaim" -> claim(before, after, errors);
      case "/ConfigMap", "/Secret" -> immutableData(live, next, errors);
      case "rbac.authorization.k8s.io/RoleBinding",
          "rbac.authorization.k8s.io/ClusterRoleBinding" -> {
        if (!live.path("roleRef").equals(next.path("roleRef"))) {
          errors.add("roleRef: Invalid value: " + next.path("roleRef") + ": cannot change roleRef");
        }
      }
      default -> {}
    }
  }

  private static void same(
      JsonNode before, JsonNode after, String field, String path, List<String> errors) {
    if (!before.path(field).equals(after.path(field))) {
      errors.add(path + ": Invalid value: " + after.path(field) + ": field is immutable");
    }
  }

  private static void statefulSet(JsonNode before, JsonNode after, List<String> errors) {
    ObjectNode a = before.isObject() ? ((ObjectNode) before).deepCopy() : null;
    ObjectNode b = after.isObject() ? ((ObjectNode) after).deepCopy() : null;
    if (a == null || b == null) {
      return;
    }
    a.remove(STATEFUL_SET_UPDATABLE);
    b.remove(STATEFUL_SET_UPDATABLE);
    if (!a.equals(b)) {
      errors.add(
          "spec: Forbidden: updates to statefulset spec for fields other than 'replicas',"
              + " 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit',"
              + " 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
    }
  }

  private static void clusterIp(JsonNode before, JsonNode after, List<String> errors) {
    String old = before.path("clusterIP").asText("");
    String now = after.path("clusterIP").asText("");
    boolean externalName =
        "ExternalName".equals(before.path("type").asText())
            || "ExternalName".equals(after.path("type").asText());
    if (!old.isEmpty() && !old.equals(now) && !externalName) {
      errors.add(
          "spec.clusterIPs[0]: Invalid value: []string{\"" + now + "\"}: may not change once set");
    }
  }

  private static void claim(JsonNode before, JsonNode after, List<String> errors) {
    ObjectNode a = before.isObject() ? ((ObjectNode) before).deepCopy() : null;
    ObjectNode b = after.isObject() ? ((ObjectNode) after).deepCopy() : null;
    if (a == null || b == null) {
      return;
    }
    for (ObjectNode spec : List.of(a, b)) {
      spec.remove("volumeAttributesClassName");
      if (spec.path("resources") instanceof ObjectNode resources) {
        resources.remove("requests");
        if (resources.isEmpty()) {
          spec.remove("resources");
        }
      }
    }
    if (!a.hasNonNull("volumeName")) {
      b.remove("volumeName");
    }
    if (!a.equals(b)) {
      errors.add(
          "spec: Forbidden: spec is immutable after creation except resources.requests and"
              + " volumeAttributesClassName for bound claims");
    }
  }

  private static void immutableData(JsonNode live, JsonNode next, List<String> errors) {
    if (!live.path("immutable").asBoolean(false)) {
      return;
    }
    if (!next.path("immutable").asBoolean(false)) {
      errors.add("immutable: Forbidden: field is immutable when `immutable` is set");
    }
    if (!live.path("data").equals(next.path("data"))) {
      errors.add("data: Forbidden: field is immutable when `immutable` is set");
    }
    if (!live.path("binaryData").equals(next.path("binaryData"))) {
      errors.add("binaryData: Forbidden: field is immutable when `immutable` is set");
    }
  }
}
