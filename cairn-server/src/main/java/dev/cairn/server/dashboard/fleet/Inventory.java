package dev.cairn.server.dashboard.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.InventoryId;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code status.inventory.entries} (Flux's format: {@code id} and {@code v}). */
final class Inventory {
  private Inventory() {}

  static List<FleetObject.InventoryItem> read(JsonNode object) {
    List<FleetObject.InventoryItem> items = new ArrayList<>();
    for (JsonNode entry : object.at("/status/inventory/entries")) {
      InventoryId id;
      try {
        id = InventoryId.parse(entry.path("id").asText());
      } catch (IllegalArgumentException e) {
        continue; // not an inventory Cairn or Flux wrote: nothing to show
      }
      String version = entry.path("v").asText("");
      items.add(
          new FleetObject.InventoryItem(
              version.isEmpty() ? "" : id.apiVersion(version),
              new FleetRef(id.kind(), id.namespace(), id.name())));
    }
    return List.copyOf(items);
  }
}
