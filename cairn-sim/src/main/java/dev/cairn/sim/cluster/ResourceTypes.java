package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kinds the simulated server knows: a fixed table of built-in kinds, plus the versions of each
 * established CustomResourceDefinition. Custom resources are unknown (404) until their CRD exists.
 */
final class ResourceTypes {
  private static final Set<String> BUILT_IN_GROUPS =
      Set.of(
          "",
          "apps",
          "batch",
          "networking.k8s.io",
          "rbac.authorization.k8s.io",
          "authorization.k8s.io",
          "apiextensions.k8s.io",
          "policy",
          "autoscaling",
          "admissionregistration.k8s.io",
          "storage.k8s.io",
          "scheduling.k8s.io",
          "coordination.k8s.io",
          "discovery.k8s.io",
          "events.k8s.io",
          "node.k8s.io",
          "certificates.k8s.io",
          "apiregistration.k8s.io");

  /** Key: group/version/plural. */
  private final Map<String, ResourceType> byPath = new ConcurrentHashMap<>();

  /** Key: group/version/plural of a custom resource → its version's additionalPrinterColumns. */
  private final Map<String, JsonNode> printerColumns = new ConcurrentHashMap<>();

  /** CRD name → the versions it registered. */
  private final Map<String, List<ResourceType>> byCrd = new ConcurrentHashMap<>();

  ResourceTypes() {
    // flags: n = namespaced, s = status subresource, g = server maintains generation
    builtIn("", "v1", "Namespace", "namespaces", "s");
    builtIn("", "v1", "ConfigMap", "configmaps", "n");
    builtIn("", "v1", "Secret", "secrets", "n");
    builtIn("", "v1", "Service", "services", "ns");
    builtIn("", "v1", "ServiceAccount", "serviceaccounts", "n");
    builtIn("", "v1", "Pod", "pods", "ns");
    builtIn("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", "ns");
    builtIn("", "v1", "PersistentVolume", "persistentvolumes", "s");
    builtIn("", "v1", "Endpoints", "endpoints", "n");
    builtIn("", "v1", "Event", "events", "n");
    builtIn("", "v1", "Node", "nodes", "s");
    builtIn("", "v1", "LimitRange", "limitranges", "n");
    builtIn("", "v1", "ResourceQuota", "resourcequotas", "ns");
    builtIn("", "v1", "ReplicationController", "replicationcontrollers", "nsg");
    builtIn("apps", "v1", "Deployment", "deployments", "nsg");
    builtIn("apps", "v1", "StatefulSet", "statefulsets", "nsg");
    builtIn("apps", "v1", "DaemonSet", "daemonsets", "nsg");
    builtIn("apps", "v1", "ReplicaSet", "replicasets", "nsg");
    builtIn("apps", "v1", "ControllerRevision", "controllerrevisions", "n");
    builtIn("batch", "v1", "Job", "jobs", "nsg");
    builtIn("batch", "v1", "CronJob", "cronjobs", "nsg");
    builtIn("networking.k8s.io", "v1", "Ingress", "ingresses", "ns");
    builtIn("networking.k8s.io", "v1", "IngressClass", "ingressclasses", "");
    builtIn("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", "ng");
    builtIn("rbac.authorization.k8s.io", "v1", "Role", "roles", "n");
    builtIn("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", "n");
    builtIn("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", "");
    builtIn("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", "");
    builtIn(
        "apiextensions.k8s.io",
        "v1",
        "CustomResourceDefinition",
        "customresourcedefinitions",
        "sg");
    builtIn("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", "nsg");
    builtIn("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", "nsg");
    builtIn("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", "nsg");
    builtIn(
        "admissionregistration.k8s.io",
        "v1",
        "ValidatingWebhookConfiguration",
        "validatingwebhookconfigurations",
        "g");
    builtIn(
        "admissionregistration.k8s.io",
        "v1",
        "MutatingWebhookConfiguration",
        "mutatingwebhookconfigurations",
        "g");
    builtIn("storage.k8s.io", "v1", "StorageClass", "storageclasses", "");
    builtIn("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", "");
    builtIn("coordination.k8s.io", "v1", "Lease", "leases", "n");
    builtIn("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", "n");
    builtIn("events.k8s.io", "v1", "Event", "events", "n");
    builtIn("node.k8s.io", "v1", "RuntimeClass", "runtimeclasses", "");
    // create-only and never stored (AccessReview)
    builtIn(
        "authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", "");
  }

  private void builtIn(String group, String version, String kind, String plural, String flags) {
    register(
        new ResourceType(
            group,
            version,
            kind,
            plural,
            flags.contains("n"),
            flags.contains("s"),
            flags.contains("g"),
            false,
            null,
            ResourceNames.builtIn(group.isEmpty() ? plural : plural + "." + group)));
  }

  private void register(ResourceType type) {
    byPath.put(type.group() + "/" + type.version() + "/" + type.plural(), type);
  }

  Optional<ResourceType> find(String group, String version, String plural) {
    return Optional.ofNullable(byPath.get(group + "/" + version + "/" + plural));
  }

  /** Finds a type by apiVersion and kind (used for owner references and readiness). */
  Optional<ResourceType> findByKind(String apiVersion, String kind) {
    return byPath.values().stream()
        .filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind))
        .findFirst();
  }

  boolean isBuiltInGroup(String group) {
    return BUILT_IN_GROUPS.contains(group);
  }

  Collection<ResourceType> all() {
    return List.copyOf(byPath.values());
  }

  /** Registers every served version of an established CRD; returns them. */
  List<ResourceType> registerCrd(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    String group = spec.path("group").asText();
    JsonNode names = spec.path("names");
    boolean namespaced = "Namespaced".equals(spec.path("scope").asText("Namespaced"));
    List<ResourceType> types = new ArrayList<>();
    Map<String, JsonNode> columns = new HashMap<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      JsonNode schema = version.path("schema").path("openAPIV3Schema");
      columns.put(
          group + "/" + version.path("name").asText() + "/" + names.path("plural").asText(),
          version.path("additionalPrinterColumns"));
      types.add(
          new ResourceType(
              group,
              version.path("name").asText(),
              names.path("kind").asText(),
              names.path("plural").asText(),
              namespaced,
              version.path("subresources").has("status"),
              true,
              true,
              schema.isMissingNode() ? null : schema,
              new ResourceNames(texts(names.path("shortNames")), texts(names.path("categories")))));
    }
    unregisterCrd(crd.path("metadata").path("name").asText());
    types.forEach(this::register);
    printerColumns.putAll(columns);
    byCrd.put(crd.path("metadata").path("name").asText(), types);
    return types;
  }

  /** Forgets a CRD's versions; returns what it had registered. */
  List<ResourceType> unregisterCrd(String crdName) {
    List<ResourceType> types = byCrd.remove(crdName);
    if (types == null) {
      return List.of();
    }
    types.forEach(t -> byPath.remove(t.group() + "/" + t.version() + "/" + t.plural()));
    types.forEach(t -> printerColumns.remove(t.group() + "/" + t.version() + "/" + t.plural()));
    return types;
  }

  /** The {@code additionalPrinterColumns} a custom resource version declares (may be missing). */
  JsonNode printerColumns(ResourceType type) {
    return printerColumns.get(type.group() + "/" + type.version() + "/" + type.plural());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return List.copyOf(out);
  }
}
