package dev.cairn.apply;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deletes what a previous inventory owned and the new set no longer holds, in reverse kind order.
 * Leaves alone objects annotated {@code cairn.dev/prune: disabled} and objects that no longer carry
 * the ownership labels of {@link ApplyOptions#labels()} (someone else took them over). A failed
 * delete does not stop the others; it is reported as a failed entry.
 */
final class Pruner {
  private final ClusterClient cluster;
  private final ApplyOptions options;
  private final DeletePropagation propagation;

  Pruner(ClusterClient cluster, ApplyOptions options, DeletePropagation propagation) {
    this.cluster = cluster;
    this.options = options;
    this.propagation = propagation;
  }

  ChangeSet prune(Collection<ObjectId> previousInventory, Collection<KubeObject> newSet) {
    List<ObjectId> stale = new ArrayList<>();
    for (ObjectId old : previousInventory) {
      boolean kept = newSet.stream().anyMatch(o -> ChangeSet.sameObject(o.id(), old));
      if (!kept) {
        stale.add(old);
      }
    }
    List<ChangeSetEntry> entries = new ArrayList<>();
    for (ObjectId id : KindOrder.sortForDelete(stale)) {
      entries.add(pruneOne(id));
    }
    return new ChangeSet(entries);
  }

  private ChangeSetEntry pruneOne(ObjectId id) {
    try {
      Optional<KubeObject> live = cluster.read(id);
      if (live.isEmpty()) {
        return ChangeSetEntry.of(id, Action.SKIPPED, "already gone");
      }
      if (ApplyOptions.DISABLED.equals(
          live.get().annotations().get(ApplyOptions.PRUNE_ANNOTATION))) {
        return ChangeSetEntry.of(
            id, Action.SKIPPED, "prune disabled by annotation " + ApplyOptions.PRUNE_ANNOTATION);
      }
      Map<String, String> labels = live.get().labels();
      for (Map.Entry<String, String> owner : options.labels().entrySet()) {
        if (!owner.getValue().equals(labels.get(owner.getKey()))) {
          return ChangeSetEntry.of(
              id, Action.SKIPPED, "not pruned: label " + owner.getKey() + " names another owner");
        }
      }
      cluster.delete(id, propagation);
      return ChangeSetEntry.of(id, Action.DELETED, "deleted");
    } catch (ClusterException e) {
      return ChangeSetEntry.failed(id, e.getMessage());
    }
  }
}
