package dev.cairn.server.dashboard.fleet;

import java.util.List;

/**
 * One node of an object's inventory tree: the object, its health (kstatus's words for plain
 * objects, the dashboard's for Cairn objects) and, for nested Kustomizations and HelmReleases,
 * their own inventories. {@code browsable} when the dashboard has a page for it.
 */
public record InventoryNode(
    FleetRef ref, String health, String message, boolean browsable, List<InventoryNode> children) {}
