package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InventoryIdTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "apps, podinfo, apps, Deployment, apps_podinfo_apps_Deployment",
        "null, apps, null, Namespace, _apps__Namespace",
        "'', system:controller:manager, rbac.authorization.k8s.io, ClusterRole,"
            + " _system__controller__manager_rbac.authorization.k8s.io_ClusterRole",
        "default, my-config, null, ConfigMap, default_my-config__ConfigMap"
      })
  void formatsAndParsesFluxIds(
      String namespace, String name, String group, String kind, String expected) {
    InventoryId id = new InventoryId(namespace, name, group, kind);

    assertThat(id.format()).isEqualTo(expected);
    assertThat(InventoryId.parse(expected)).isEqualTo(id);
  }

  @Test
  void entryFromApiVersionSplitsGroupAndVersion() {
    InventoryEntry deployment = InventoryEntry.of("apps/v1", "Deployment", "apps", "podinfo");
    InventoryEntry service = InventoryEntry.of("v1", "Service", "apps", "podinfo");

    assertThat(deployment).isEqualTo(new InventoryEntry("apps_podinfo_apps_Deployment", "v1"));
    assertThat(service).isEqualTo(new InventoryEntry("apps_podinfo__Service", "v1"));
    assertThat(deployment.objectId().apiVersion(deployment.v())).isEqualTo("apps/v1");
    assertThat(service.objectId().apiVersion(service.v())).isEqualTo("v1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "apps", "apps_podinfo", "apps_podinfo_apps_", "a__b_Kind"})
  void rejectsMalformedIds(String id) {
    assertThatThrownBy(() -> InventoryId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inventory id '" + id + "'");
  }
}
