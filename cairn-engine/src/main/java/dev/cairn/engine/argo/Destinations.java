package dev.cairn.engine.argo;

import dev.cairn.api.argo.ApplicationDestination;

/** The one cluster Cairn deploys Applications to: Argo CD's in-cluster destination. */
final class Destinations {
  static final String IN_CLUSTER_SERVER = "https://kubernetes.default.svc";
  static final String IN_CLUSTER_NAME = "in-cluster";

  private Destinations() {}

  /** The destination's server URL ({@code name: in-cluster} is the in-cluster server). */
  static String server(ApplicationDestination dest) {
    if (dest.server() != null && !dest.server().isEmpty()) {
      return dest.server();
    }
    return IN_CLUSTER_NAME.equals(dest.name()) ? IN_CLUSTER_SERVER : "";
  }

  /** The destination's cluster name ({@code in-cluster} for the in-cluster server). */
  static String name(ApplicationDestination dest) {
    if (dest.name() != null && !dest.name().isEmpty()) {
      return dest.name();
    }
    return IN_CLUSTER_SERVER.equals(dest.server()) ? IN_CLUSTER_NAME : "";
  }

  static boolean inCluster(ApplicationDestination dest) {
    return IN_CLUSTER_SERVER.equals(server(dest)) && IN_CLUSTER_NAME.equals(name(dest));
  }
}
