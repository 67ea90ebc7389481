package dev.cairn.server.dashboard.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the dashboard knows of one object, read by its kind's {@link KindAdapter}.
 *
 * @param ready the Ready condition's status: {@code True}, {@code False} or {@code Unknown}
 * @param sources the sources it reads from (sourceRef, chart source, the HelmChart it made)
 * @param dependsOn the objects of its {@code spec.dependsOn}
 * @param inventory the {@code status.inventory} entries (kind, namespace, name, apiVersion)
 * @param object the whole object as read from the API server
 */
public record FleetObject(
    FleetRef ref,
    String apiVersion,
    FleetHealth health,
    String ready,
    String reason,
    String message,
    String revision,
    boolean suspended,
    List<FleetRef> sources,
    List<FleetRef> dependsOn,
    List<InventoryItem> inventory,
    JsonNode object) {

  /** One inventory entry; {@code apiVersion} is empty when the entry has no version. */
  public record InventoryItem(String apiVersion, FleetRef ref) {}

  public boolean failing() {
    return health == FleetHealth.FAILED;
  }
}
