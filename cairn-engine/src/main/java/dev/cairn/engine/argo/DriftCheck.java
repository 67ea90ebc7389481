package dev.cairn.engine.argo;

import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.Inventories;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.util.HashSet;
import java.util.Set;

/**
 * Argo CD's comparison of one resource: the live object against what applying the desired one would
 * make of it, without the fields {@code ignoreDifferences} names for it.
 */
final class DriftCheck {
  private final ResourceManager manager;
  private final ClusterClient cluster;

  DriftCheck(ResourceManager manager, ClusterClient cluster) {
    this.manager = manager;
    this.cluster = cluster;
  }

  boolean noDrift(ApplicationRun run, KubeObject object, ApplyOptions options) {
    IgnoreRules rules = run.ignoreRules();
    try {
      String diff =
          rules.matching(object.id()).isEmpty()
              ? manager.diff(object, options)
              : manager.diff(object, options, rules.normalizer());
      return diff.isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * True when every desired resource exists without drift and nothing the last sync left is waiting
   * to be pruned: the Application is Synced.
   */
  boolean allSynced(ApplicationRun run, ApplyOptions options) {
    Set<ObjectId> desired = new HashSet<>();
    for (KubeObject object : run.plan().resources()) {
      desired.add(unversioned(object.id()));
      if (cluster.get(object.id()).isEmpty() || !noDrift(run, object, options)) {
        return false;
      }
    }
    for (ObjectId id : Inventories.ids(run.previousInventory())) {
      if (!desired.contains(unversioned(id)) && cluster.get(id).isPresent()) {
        return false;
      }
    }
    return true;
  }

  static ObjectId unversioned(ObjectId id) {
    return new ObjectId(id.group(), "", id.kind(), id.namespace(), id.name());
  }
}
