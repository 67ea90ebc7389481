package dev.cairn.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.InventoryEntry;
import dev.cairn.api.InventoryId;
import dev.cairn.apply.Action;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ChangeSetEntry;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Converts between Flux-format inventory entries, object ids and change sets. */
public final class Inventories {
  private Inventories() {}

  /** The objects a change set leaves in the cluster (created, configured or unchanged), sorted. */
  public static List<InventoryEntry> fromChangeSet(ChangeSet applied) {
    return applied.entries().stream()
        .filter(e -> !e.failed())
        .filter(
            e ->
                e.action() == Action.CREATED
                    || e.action() == Action.CONFIGURED
                    || e.action() == Action.UNCHANGED)
        .map(ChangeSetEntry::id)
        .map(Inventories::entryOf)
        .distinct()
        .sorted(Comparator.comparing(InventoryEntry::id))
        .toList();
  }

  public static InventoryEntry entryOf(ObjectId id) {
    return InventoryEntry.of(
        new InventoryId(id.namespace(), id.name(), id.group(), id.kind()), id.version());
  }

  public static ObjectId idOf(InventoryEntry entry) {
    InventoryId id = entry.objectId();
    return new ObjectId(
        id.group(),
        entry.v(),
        id.kind(),
        id.namespace().isEmpty() ? null : id.namespace(),
        id.name());
  }

  public static List<ObjectId> ids(List<InventoryEntry> entries) {
    return entries.stream().map(Inventories::idOf).toList();
  }

  /** Minimal objects (identity only), for the apply engine's prune. */
  public static List<KubeObject> skeletons(List<InventoryEntry> entries) {
    return ids(entries).stream().map(Inventories::skeleton).toList();
  }

  private static KubeObject skeleton(ObjectId id) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("apiVersion", id.group().isEmpty() ? id.version() : id.group() + "/" + id.version());
    node.put("kind", id.kind());
    ObjectNode metadata = node.putObject("metadata");
    metadata.put("name", id.name());
    if (id.namespace() != null && !id.namespace().isEmpty()) {
      metadata.put("namespace", id.namespace());
    }
    return KubeObject.of(node);
  }

  /** Whether two inventories hold the same objects (versions included). */
  public static boolean same(List<InventoryEntry> a, List<InventoryEntry> b) {
    return Objects.equals(
        a.stream().sorted(Comparator.comparing(InventoryEntry::id)).toList(),
        b.stream().sorted(Comparator.comparing(InventoryEntry::id)).toList());
  }
}
