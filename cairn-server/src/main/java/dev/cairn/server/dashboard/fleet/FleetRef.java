package dev.cairn.server.dashboard.fleet;

import java.util.Objects;

/** One object the dashboard shows, by kind, namespace and name. */
public record FleetRef(String kind, String namespace, String name) implements Comparable<FleetRef> {
  public FleetRef {
    Objects.requireNonNull(kind, "kind");
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(name, "name");
  }

  /** The dashboard path of this object's page. */
  public String path() {
    return "/objects/" + kind + "/" + namespace + "/" + name;
  }

  @Override
  public int compareTo(FleetRef other) {
    int byKind = kind.compareTo(other.kind);
    if (byKind != 0) {
      return byKind;
    }
    int byNamespace = namespace.compareTo(other.namespace);
    return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
