package dev.cairn.manifest;

/**
 * The identity of one object: group, version, kind, namespace and name. The namespace is null for
 * cluster-scoped objects and for namespaced objects that do not name one.
 */
public record ObjectId(String group, String version, String kind, String namespace, String name) {

  public GroupVersionKind gvk() {
    return new GroupVersionKind(group, version, kind);
  }

  /** Whether the kind is one of Kubernetes' built-in cluster-scoped kinds. */
  public boolean clusterScoped() {
    return Scopes.isClusterScoped(group, kind);
  }

  /** {@code Kind/namespace/name}, or {@code Kind/name} without a namespace. */
  @Override
  public String toString() {
    return namespace == null || namespace.isEmpty()
        ? kind + "/" + name
        : kind + "/" + namespace + "/" + name;
  }
}
