package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.InventoryEntry;
import dev.cairn.apply.Action;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ChangeSetEntry;
import dev.cairn.manifest.ObjectId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoriesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "apps/v1/Deployment/ns/web, ns_web_apps_Deployment, v1",
    "/v1/ConfigMap/ns/a, ns_a__ConfigMap, v1",
    "rbac.authorization.k8s.io/v1/ClusterRole//system:view, _system__view_rbac.authorization.k8s.io_ClusterRole, v1",
  })
  void roundTripsIdsInFluxFormat(String spec, String expectedId, String version) {
    // group/version/kind/namespace/name; the group and the namespace may be empty
    String[] p = spec.split("/", -1);
    ObjectId id = new ObjectId(p[0], p[1], p[2], p[3].isEmpty() ? null : p[3], p[4]);
    InventoryEntry entry = Inventories.entryOf(id);

    assertThat(entry.id()).isEqualTo(expectedId);
    assertThat(entry.v()).isEqualTo(version);
    assertThat(Inventories.idOf(entry)).isEqualTo(id);
  }

  @ParameterizedTest(name = "{0} is in the inventory: {1}")
  @CsvSource({
    "CREATED, true",
    "CONFIGURED, true",
    "UNCHANGED, true",
    "SKIPPED, false",
    "DELETED, false"
  })
  void inventoryHoldsWhatTheApplyLeftInTheCluster(Action action, boolean kept) {
    ObjectId id = new ObjectId("", "v1", "ConfigMap", "ns", "a");
    ChangeSet applied = new ChangeSet(List.of(ChangeSetEntry.of(id, action, "")));

    assertThat(Inventories.fromChangeSet(applied)).hasSize(kept ? 1 : 0);
  }
}
