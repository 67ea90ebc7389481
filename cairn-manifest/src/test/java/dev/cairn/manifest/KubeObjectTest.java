package dev.cairn.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubeObjectTest {

  static KubeObject read(String yaml) {
    return YamlReader.defaults().readObjects("t.yaml", yaml).get(0);
  }

  @Test
  void exposesIdentityFields() {
    KubeObject object =
        read(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: prod\n"
                + "  labels: {app: web}\n  annotations: {a: b}\n");
    assertThat(object.gvk()).isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
    assertThat(object.id()).isEqualTo(new ObjectId("apps", "v1", "Deployment", "prod", "web"));
    assertThat(object.id()).hasToString("Deployment/prod/web");
    assertThat(object.labels()).containsEntry("app", "web");
    assertThat(object.annotations()).containsEntry("a", "b");
  }

  @Test
  void missingFieldsAreNullNotErrors() {
    KubeObject object = read("kind: Thing\n");
    assertThat(object.name()).isNull();
    assertThat(object.namespace()).isNull();
    assertThat(object.labels()).isEmpty();
    assertThat(object.gvk().group()).isEmpty();
  }

  @Test
  void mutatorsCreateMetadataAsNeeded() {
    KubeObject object = read("apiVersion: v1\nkind: ConfigMap\n");
    object.setName("cfg");
    object.setNamespace("ns");
    object.setLabel("l", "1");
    object.setAnnotation("a", "x");
    assertThat(YamlWriter.write(object.node()))
        .isEqualTo(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    a: x\n"
                + "  labels:\n    l: \"1\"\n  name: cfg\n  namespace: ns\n");
    object.removeAnnotation("a");
    object.setNamespace(null);
    assertThat(object.node().get("metadata").has("annotations")).isFalse();
    assertThat(object.namespace()).isNull();
  }

  @Test
  void deepCopyIsIndependent() {
    KubeObject original = read("kind: ConfigMap\nmetadata: {name: a}\n");
    KubeObject copy = original.deepCopy();
    copy.setName("b");
    assertThat(original.name()).isEqualTo("a");
    assertThat(copy.origin()).isEqualTo(original.origin());
  }

  @Test
  void scopesKnowBuiltInClusterScopedKinds() {
    assertThat(Scopes.isClusterScoped("", "Namespace")).isTrue();
    assertThat(Scopes.isClusterScoped("rbac.authorization.k8s.io", "ClusterRole")).isTrue();
    assertThat(Scopes.isClusterScoped("apiextensions.k8s.io", "CustomResourceDefinition")).isTrue();
    assertThat(Scopes.isClusterScoped("rbac.authorization.k8s.io", "Role")).isFalse();
    assertThat(Scopes.isClusterScoped("", "ConfigMap")).isFalse();
    assertThat(Scopes.isClusterScoped("example.com", "Namespace")).isFalse();
    assertThat(new ObjectId("", "v1", "Namespace", null, "x").clusterScoped()).isTrue();
  }

  @Test
  void groupVersionKindParsesCoreAndNamedGroups() {
    assertThat(GroupVersionKind.of("v1", "Pod").apiVersion()).isEqualTo("v1");
    assertThat(GroupVersionKind.of("cairn.dev/v1", "Kustomization").group()).isEqualTo("cairn.dev");
    assertThat(new ObjectId("", "v1", "Namespace", null, "x")).hasToString("Namespace/x");
  }

  @Test
  void labelsAndAnnotationsAreReadOnlyCopies() {
    KubeObject object = read("kind: A\nmetadata:\n  labels: {a: '1'}\n");
    var labels = object.labels();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> labels.put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
    object.setLabel("b", "2");
    assertThat(labels).containsOnlyKeys("a");
    assertThat(object.labels()).containsOnlyKeys("a", "b");
  }

  @Test
  void nonStringLabelValuesReadAsTheirText() {
    KubeObject object = read("kind: A\nmetadata:\n  labels: {n: 1, b: true, z: null}\n");
    assertThat(object.labels()).containsEntry("n", "1").containsEntry("b", "true");
    assertThat(object.labels().get("z")).isNull();
  }

  @Test
  void settersReplaceMetadataThatIsNotAMapping() {
    KubeObject object = read("kind: A\nmetadata: oops\n");
    object.setName("fixed");
    assertThat(object.name()).isEqualTo("fixed");
  }

  @Test
  void removingAnAbsentAnnotationChangesNothing() {
    KubeObject object = read("kind: A\nmetadata:\n  name: a\n  annotations: {keep: v}\n");
    object.removeAnnotation("missing");
    assertThat(object.annotations()).containsOnlyKeys("keep");
    KubeObject bare = read("kind: A\n");
    bare.removeAnnotation("missing");
    assertThat(bare.node().has("metadata")).isFalse();
  }

  @Test
  void nodeIsSharedNotCopied() {
    KubeObject object = read("kind: A\nmetadata: {name: a}\n");
    object.setName("b");
    assertThat(object.node().at("/metadata/name").asText()).isEqualTo("b");
    assertThat(KubeObject.of(object.node()).name()).isEqualTo("b");
    assertThat(KubeObject.of(object.node()).origin()).isNull();
  }
}
