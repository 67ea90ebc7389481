package dev.cairn.manifest;

import java.util.Map;
import java.util.Set;

/**
 * Which built-in kinds are cluster-scoped, by API group. Custom resources are namespaced or not as
 * their CRD says; callers that know the CRD decide for those.
 */
public final class Scopes {

  private static final Map<String, Set<String>> CLUSTER_SCOPED =
      Map.ofEntries(
          Map.entry("", Set.of("Namespace", "Node", "PersistentVolume", "ComponentStatus")),
          Map.entry("rbac.authorization.k8s.io", Set.of("ClusterRole", "ClusterRoleBinding")),
          Map.entry("apiextensions.k8s.io", Set.of("CustomResourceDefinition")),
          Map.entry("apiregistration.k8s.io", Set.of("APIService")),
          Map.entry(
              "storage.k8s.io",
              Set.of(
                  "StorageClass",
                  "CSIDriver",
                  "CSINode",
                  "VolumeAttachment",
                  "VolumeAttributesClass")),
          Map.entry("scheduling.k8s.io", Set.of("PriorityClass")),
          Map.entry(
              "admissionregistration.k8s.io",
              Set.of(
                  "ValidatingWebhookConfiguration",
                  "MutatingWebhookConfiguration",
                  "ValidatingAdmissionPolicy",
                  "ValidatingAdmissionPolicyBinding",
                  "MutatingAdmissionPolicy",
                  "MutatingAdmissionPolicyBinding")),
          Map.entry("networking.k8s.io", Set.of("IngressClass", "IPAddress", "ServiceCIDR")),
          Map.entry("node.k8s.io", Set.of("RuntimeClass")),
          Map.entry("policy", Set.of("PodSecurityPolicy")),
          Map.entry("extensions", Set.of("PodSecurityPolicy")),
          Map.entry(
              "certificates.k8s.io", Set.of("CertificateSigningRequest", "ClusterTrustBundle")),
          Map.entry(
              "flowcontrol.apiserver.k8s.io", Set.of("FlowSchema", "PriorityLevelConfiguration")),
          Map.entry("authentication.k8s.io", Set.of("TokenReview", "SelfSubjectReview")),
          Map.entry(
              "authorization.k8s.io",
              Set.of("SubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview")),
          Map.entry("resource.k8s.io", Set.of("DeviceClass", "ResourceSlice", "DeviceTaintRule")),
          Map.entry("internal.apiserver.k8s.io", Set.of("StorageVersion")),
          Map.entry("storagemigration.k8s.io", Set.of("StorageVersionMigration")),
          Map.entry("metrics.k8s.io", Set.of("NodeMetrics")));

  private Scopes() {}

  public static boolean isClusterScoped(String group, String kind) {
    Set<String> kinds = CLUSTER_SCOPED.get(group == null ? "" : group);
    return kinds != null && kinds.contains(kind);
  }
}
