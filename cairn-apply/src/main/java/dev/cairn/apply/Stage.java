package dev.cairn.apply;

/** The three apply stages, in the order they run. Deletion runs them in reverse. */
public enum Stage {
  /** CustomResourceDefinitions and Namespaces: what the rest of the set may need to exist. */
  DEFINITIONS,
  /** Cluster-scoped kinds: ClusterRoles, bindings, PriorityClasses, StorageClasses... */
  CLUSTER,
  /** Everything else, namespaced objects and admission webhooks last. */
  WORKLOADS
}
