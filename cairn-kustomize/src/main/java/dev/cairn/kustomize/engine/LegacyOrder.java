package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kustomize's default ("legacy") output order: first by a fixed kind order (namespaces and
 * cluster-wide prerequisites first, webhooks last, other kinds in between), then by
 * group/version/kind, then namespace and name.
 */
final class LegacyOrder {
  private static final List<String> FIRST =
      List.of(
          "Namespace",
          "ResourceQuota",
          "StorageClass",
          "CustomResourceDefinition",
          "ServiceAccount",
          "PodSecurityPolicy",
          "Role",
          "ClusterRole",
          "RoleBinding",
          "ClusterRoleBinding",
          "ConfigMap",
          "Secret",
          "Endpoints",
          "Service",
          "LimitRange",
          "PriorityClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "Deployment",
          "StatefulSet",
          "CronJob",
          "PodDisruptionBudget");
  private static final List<String> LAST =
      List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
  private static final Map<String, Integer> RANK = new HashMap<>();

  static {
    for (int i = 0; i < FIRST.size(); i++) {
      RANK.put(FIRST.get(i), i - FIRST.size());
    }
    for (int i = 0; i < LAST.size(); i++) {
      RANK.put(LAST.get(i), i + 1);
    }
  }

  static final Comparator<ResId> ORDER = comparator(RANK);

  /** The legacy order with the kind lists of {@code sortOptions.legacySortOptions}. */
  static Comparator<ResId> custom(JsonNode first, JsonNode last) {
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < first.size(); i++) {
      rank.put(first.get(i).asText(), i - first.size());
    }
    for (int i = 0; i < last.size(); i++) {
      rank.put(last.get(i).asText(), i + 1);
    }
    return comparator(rank);
  }

  private static Comparator<ResId> comparator(Map<String, Integer> rank) {
    return Comparator.<ResId>comparingInt(id -> rank.getOrDefault(id.kind(), 0))
        .thenComparing(LegacyOrder::gvkString)
        .thenComparing(
            id ->
                (id.namespace().isEmpty() ? "~X" : id.namespace())
                    + "|"
                    + (id.name().isEmpty() ? "~N" : id.name()));
  }

  private LegacyOrder() {}

  private static String gvkString(ResId id) {
    return (id.group().isEmpty() ? "~G" : id.group())
        + "_"
        + (id.version().isEmpty() ? "~V" : id.version())
        + "_"
        + (id.kind().isEmpty() ? "~K" : id.kind());
  }
}
