package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.manifest.GroupVersionKind;
import org.junit.jupiter.api.Test;

class SetDefinitionsTest {

  @Test
  void readsTheKindsTheSetsCrdsDefineAndTheNamespacesItCreates() {
    String clusterScoped =
        Manifests.crd("example.com", "Gadget", "gadgets")
            .replace("scope: Namespaced", "scope: Cluster");
    SetDefinitions definitions =
        SetDefinitions.of(
            Manifests.read(
                Manifests.crd("example.com", "Widget", "widgets")
                    + "---\n"
                    + clusterScoped
                    + "---\n"
                    + Manifests.namespace("team")
                    + "---\n"
                    + Manifests.configMap("team", "settings", "v")));

    assertThat(definitions.namespaced(new GroupVersionKind("example.com", "v1", "Widget")))
        .contains(true);
    assertThat(definitions.namespaced(new GroupVersionKind("example.com", "v2", "Gadget")))
        .contains(false);
    assertThat(definitions.namespaced(new GroupVersionKind("other.com", "v1", "Widget"))).isEmpty();
    assertThat(definitions.namespaced(new GroupVersionKind("", "v1", "ConfigMap"))).isEmpty();
    assertThat(definitions.createsNamespace("team")).isTrue();
    assertThat(definitions.createsNamespace("settings")).isFalse();
  }
}
