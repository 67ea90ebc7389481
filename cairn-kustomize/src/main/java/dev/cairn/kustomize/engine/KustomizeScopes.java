package dev.cairn.kustomize.engine;

import java.util.Set;

/**
 * The kinds kustomize v5.5.0 treats as cluster-scoped: exactly those its embedded OpenAPI schema
 * (Kubernetes 1.21) declares cluster-scoped, per apiVersion. Everything else, including newer
 * versions of those kinds and all custom resources, is namespaced for kustomize (it receives the
 * {@code namespace:} of a kustomization). Differs on purpose from {@code
 * dev.cairn.manifest.Scopes}, which describes current Kubernetes.
 */
final class KustomizeScopes {
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "v1/Namespace",
          "v1/Node",
          "v1/PersistentVolume",
          "v1/ComponentStatus",
          "rbac.authorization.k8s.io/v1/ClusterRole",
          "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
          "rbac.authorization.k8s.io/v1beta1/ClusterRole",
          "rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding",
          "storage.k8s.io/v1/StorageClass",
          "storage.k8s.io/v1/CSIDriver",
          "storage.k8s.io/v1/CSINode",
          "storage.k8s.io/v1/VolumeAttachment",
          "storage.k8s.io/v1beta1/StorageClass",
          "storage.k8s.io/v1beta1/CSIDriver",
          "storage.k8s.io/v1beta1/CSINode",
          "storage.k8s.io/v1beta1/VolumeAttachment",
          "storage.k8s.io/v1alpha1/VolumeAttachment",
          "apiextensions.k8s.io/v1/CustomResourceDefinition",
          "apiextensions.k8s.io/v1beta1/CustomResourceDefinition",
          "admissionregistration.k8s.io/v1/MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration",
          "admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration",
          "apiregistration.k8s.io/v1/APIService",
          "apiregistration.k8s.io/v1beta1/APIService",
          "scheduling.k8s.io/v1/PriorityClass",
          "scheduling.k8s.io/v1beta1/PriorityClass",
          "policy/v1beta1/PodSecurityPolicy",
          "node.k8s.io/v1/RuntimeClass",
          "node.k8s.io/v1beta1/RuntimeClass",
          "networking.k8s.io/v1/IngressClass",
          "networking.k8s.io/v1beta1/IngressClass",
          "certificates.k8s.io/v1/CertificateSigningRequest",
          "certificates.k8s.io/v1beta1/CertificateSigningRequest",
          "flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema",
          "flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration",
          "flowcontrol.apiserver.k8s.io/v1alpha1/FlowSchema",
          "flowcontrol.apiserver.k8s.io/v1alpha1/PriorityLevelConfiguration");

  private KustomizeScopes() {}

  static boolean isClusterScoped(String group, String version, String kind) {
    String key = group.isEmpty() ? version + "/" + kind : group + "/" + version + "/" + kind;
    return CLUSTER_SCOPED.contains(key);
  }
}
