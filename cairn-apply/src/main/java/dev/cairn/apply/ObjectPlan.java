package dev.cairn.apply;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;

/**
 * One object of an apply run: the desired state (labels stamped), its scope and stage, and whether
 * it can only be validated after the set's own CRDs and Namespaces exist.
 */
record ObjectPlan(KubeObject desired, boolean namespaced, Stage stage, boolean deferred) {

  ObjectId id() {
    return desired.id();
  }

  ObjectPlan withDeferred(boolean deferred) {
    return new ObjectPlan(desired, namespaced, stage, deferred);
  }
}
