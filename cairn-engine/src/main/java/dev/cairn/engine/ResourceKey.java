package dev.cairn.engine;

import java.util.Objects;

/** Which object a run reconciles: kind, namespace and name. */
public record ResourceKey(String kind, String namespace, String name) {
  public ResourceKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /** {@code Kind/namespace/name}. */
  @Override
  public String toString() {
    return kind + "/" + namespace + "/" + name;
  }
}
