package dev.cairn.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectIdentityTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "'', Namespace",
    "'', Node",
    "'', PersistentVolume",
    "'', ComponentStatus",
    "rbac.authorization.k8s.io, ClusterRole",
    "rbac.authorization.k8s.io, ClusterRoleBinding",
    "apiextensions.k8s.io, CustomResourceDefinition",
    "storage.k8s.io, StorageClass",
    "storage.k8s.io, CSIDriver",
    "storage.k8s.io, CSINode",
    "storage.k8s.io, VolumeAttachment",
    "scheduling.k8s.io, PriorityClass",
    "admissionregistration.k8s.io, ValidatingWebhookConfiguration",
    "admissionregistration.k8s.io, MutatingWebhookConfiguration",
    "admissionregistration.k8s.io, ValidatingAdmissionPolicyBinding",
    "apiregistration.k8s.io, APIService",
    "networking.k8s.io, IngressClass",
    "node.k8s.io, RuntimeClass",
    "policy, PodSecurityPolicy",
    "certificates.k8s.io, CertificateSigningRequest",
    "flowcontrol.apiserver.k8s.io, FlowSchema",
    "flowcontrol.apiserver.k8s.io, PriorityLevelConfiguration",
    "storagemigration.k8s.io, StorageVersionMigration",
  })
  void builtInClusterScopedKinds(String group, String kind) {
    assertThat(Scopes.isClusterScoped(group, kind)).isTrue();
    assertThat(new ObjectId(group, "v1", kind, null, "x").clusterScoped()).isTrue();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "'', ConfigMap",
    "'', Service",
    "apps, Deployment",
    "rbac.authorization.k8s.io, Role",
    "networking.k8s.io, Ingress",
    "storage.k8s.io, CSIStorageCapacity",
    "authorization.k8s.io, LocalSubjectAccessReview",
    "example.com, Namespace",
    "example.com, ClusterRole",
  })
  void namespacedOrUnknownKinds(String group, String kind) {
    assertThat(Scopes.isClusterScoped(group, kind)).isFalse();
  }

  @Test
  void nullGroupMeansTheCoreGroup() {
    assertThat(Scopes.isClusterScoped(null, "Namespace")).isTrue();
  }

  @Test
  void objectIdPrintsKindNamespaceAndName() {
    assertThat(new ObjectId("apps", "v1", "Deployment", "prod", "web"))
        .hasToString("Deployment/prod/web");
    assertThat(new ObjectId("", "v1", "Namespace", null, "prod")).hasToString("Namespace/prod");
    assertThat(new ObjectId("", "v1", "ConfigMap", "", "c")).hasToString("ConfigMap/c");
    assertThat(new ObjectId("apps", "v1", "Deployment", "prod", "web").gvk())
        .isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
  }

  @Test
  void groupVersionKindSplitsApiVersion() {
    assertThat(GroupVersionKind.of("apps/v1", "Deployment"))
        .isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
    assertThat(GroupVersionKind.of("v1", "Pod")).isEqualTo(new GroupVersionKind("", "v1", "Pod"));
    assertThat(GroupVersionKind.of(null, "Pod")).isEqualTo(new GroupVersionKind("", "", "Pod"));
    assertThat(new GroupVersionKind("apps", "v1", "Deployment").apiVersion()).isEqualTo("apps/v1");
    assertThat(new GroupVersionKind("", "v1", "Pod").apiVersion()).isEqualTo("v1");
  }

  @Test
  void kubeObjectIdComesFromItsFields() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("apiVersion", "rbac.authorization.k8s.io/v1").put("kind", "ClusterRole");
    node.putObject("metadata").put("name", "admin");
    KubeObject object = KubeObject.of(node, new Origin("r.yaml", 7));
    assertThat(object.id())
        .isEqualTo(new ObjectId("rbac.authorization.k8s.io", "v1", "ClusterRole", null, "admin"));
    assertThat(object.id().clusterScoped()).isTrue();
    assertThat(object.origin()).hasToString("r.yaml:7");
    assertThat(object).hasToString("ClusterRole/admin");
  }

  @Test
  void kubeObjectNeedsANode() {
    assertThatThrownBy(() -> KubeObject.of(null)).isInstanceOf(NullPointerException.class);
  }
}
