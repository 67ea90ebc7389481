package dev.cairn.apply;

import java.util.Optional;

/**
 * Whether objects of a kind are namespaced, and whether the cluster serves the kind yet (it does
 * not while the kind's CRD is only in the set being applied).
 */
record KindScope(boolean namespaced, boolean served) {

  /**
   * The cluster's discovery wins when it knows the kind; else the set's own CRD decides, and the
   * kind is not served yet.
   *
   * @param fromSet whether the set's own CRD makes the kind namespaced; empty when none defines it
   * @param discovered whether discovery reports it namespaced; empty when the cluster does not
   *     serve it
   * @return empty when neither the set nor the cluster knows the kind
   */
  static Optional<KindScope> of(Optional<Boolean> fromSet, Optional<Boolean> discovered) {
    if (discovered.isPresent()) {
      return Optional.of(new KindScope(discovered.get(), true));
    }
    return fromSet.map(namespaced -> new KindScope(namespaced, false));
  }
}
