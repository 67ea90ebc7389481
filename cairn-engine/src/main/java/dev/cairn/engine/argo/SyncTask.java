package dev.cairn.engine.argo;

import dev.cairn.manifest.KubeObject;
import java.util.Set;

/**
 * One object in a sync: the phase it runs in ({@code PreSync}, {@code Sync}, {@code PostSync},
 * {@code SyncFail}), its wave, whether it is a hook, and (for hooks) when it is deleted.
 *
 * @param hookType the hook type as Argo CD reports it ({@code PreSync}, ...), null for resources
 */
record SyncTask(
    KubeObject object, String phase, int wave, String hookType, Set<String> deletePolicies) {

  SyncTask {
    deletePolicies = Set.copyOf(deletePolicies);
  }

  boolean hook() {
    return hookType != null;
  }
}
