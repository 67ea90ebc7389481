package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops fields a built-in kind does not declare, as the API server's decoder does (with the default
 * {@code fieldValidation=Warn} the request succeeds and the field is not stored): unknown fields of
 * {@code metadata} (every kind, custom resources too, since {@code metadata} is always {@code
 * ObjectMeta}) and unknown top-level fields of the kinds listed here. Fields below the top level of
 * built-in kinds (inside {@code spec}) are not checked.
 */
final class UnknownFieldPruning {
  private static final Set<String> OBJECT_META =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "ownerReferences",
          "finalizers",
          "managedFields");

  private static final Set<String> SPEC_AND_STATUS = Set.of("spec", "status");

  /** Top-level fields besides apiVersion, kind and metadata, by group/kind. */
  private static final Map<String, Set<String>> TOP_LEVEL =
      Map.ofEntries(
          Map.entry("/ConfigMap", Set.of("data", "binaryData", "immutable")),
          Map.entry("/Secret", Set.of("data", "stringData", "type", "immutable")),
          Map.entry(
              "/ServiceAccount",
              Set.of("secrets", "imagePullSecrets", "automountServiceAccountToken")),
          Map.entry("/Namespace", SPEC_AND_STATUS),
          Map.entry("/Service", SPEC_AND_STATUS),
          Map.entry("/PersistentVolumeClaim", SPEC_AND_STATUS),
          Map.entry("/ResourceQuota", SPEC_AND_STATUS),
          Map.entry("/LimitRange", Set.of("spec")),
          Map.entry("apps/Deployment", SPEC_AND_STATUS),
          Map.entry("apps/StatefulSet", SPEC_AND_STATUS),
          Map.entry("apps/DaemonSet", SPEC_AND_STATUS),
          Map.entry("apps/ReplicaSet", SPEC_AND_STATUS),
          Map.entry("batch/Job", SPEC_AND_STATUS),
          Map.entry("batch/CronJob", SPEC_AND_STATUS),
          Map.entry("networking.k8s.io/Ingress", SPEC_AND_STATUS),
          Map.entry("networking.k8s.io/NetworkPolicy", SPEC_AND_STATUS),
          Map.entry("policy/PodDisruptionBudget", SPEC_AND_STATUS),
          Map.entry("rbac.authorization.k8s.io/Role", Set.of("rules")),
          Map.entry("rbac.authorization.k8s.io/ClusterRole", Set.of("rules", "aggregationRule")),
          Map.entry("rbac.authorization.k8s.io/RoleBinding", Set.of("subjects", "roleRef")),
          Map.entry("rbac.authorization.k8s.io/ClusterRoleBinding", Set.of("subjects", "roleRef")));

  private UnknownFieldPruning() {}

  /**
   * The top-level fields a built-in kind declares besides apiVersion, kind and metadata; empty when
   * this table does not know the kind (then its top level is not checked).
   */
  static Set<String> topLevel(ResourceType type) {
    return type.custom()
        ? Set.of()
        : TOP_LEVEL.getOrDefault(type.group() + "/" + type.kind(), Set.of());
  }

  /**
   * The fields {@link #prune} would drop from an object, as paths like {@code metadata.colour} or
   * {@code colour}.
   */
  static List<String> unknownFields(ResourceType type, ObjectNode object) {
    List<String> unknown = new ArrayList<>();
    if (object.path("metadata") instanceof ObjectNode metadata) {
      unknown(metadata, OBJECT_META).forEach(f -> unknown.add("metadata." + f));
    }
    Set<String> known = type.custom() ? null : TOP_LEVEL.get(type.group() + "/" + type.kind());
    if (known != null) {
      List<String> top = unknown(object, known);
      top.removeAll(List.of("apiVersion", "kind", "metadata"));
      unknown.addAll(top);
    }
    return unknown;
  }

  static void prune(ResourceType type, ObjectNode object) {
    if (object.path("metadata") instanceof ObjectNode metadata) {
      metadata.remove(unknown(metadata, OBJECT_META));
    }
    Set<String> known = type.custom() ? null : TOP_LEVEL.get(type.group() + "/" + type.kind());
    if (known != null) {
      List<String> drop = unknown(object, known);
      drop.removeAll(List.of("apiVersion", "kind", "metadata"));
      object.remove(drop);
    }
  }

  private static List<String> unknown(JsonNode node, Set<String> known) {
    List<String> unknown = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                unknown.add(name);
              }
            });
    return unknown;
  }
}
