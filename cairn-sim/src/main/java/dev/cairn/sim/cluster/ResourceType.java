package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind the simulated API server serves: where it lives, whether it is namespaced, whether it
 * has a status subresource, whether the server maintains {@code metadata.generation} for it, and
 * (for custom resources) the OpenAPI schema of the served version; its short names and categories
 * for discovery.
 */
record ResourceType(
    String group,
    String version,
    String kind,
    String plural,
    boolean namespaced,
    boolean statusSubresource,
    boolean tracksGeneration,
    boolean custom,
    JsonNode schema,
    ResourceNames names) {

  String apiVersion() {
    return group.isEmpty() ? version : Joined.of(group, version);
  }

  /** {@code deployments.apps}, {@code configmaps}: how the real server names a resource. */
  String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** {@code Deployment.apps}: how the real server names a kind in validation messages. */
  String qualifiedKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  boolean isCustomResourceDefinition() {
    return group.equals("apiextensions.k8s.io") && plural.equals("customresourcedefinitions");
  }

  boolean isNamespace() {
    return group.isEmpty() && plural.equals("namespaces");
  }
}
