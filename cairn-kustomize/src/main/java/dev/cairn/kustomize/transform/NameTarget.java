package dev.cairn.kustomize.transform;

import dev.cairn.kustomize.engine.ResId;
import dev.cairn.kustomize.engine.Resource;

/**
 * An object a name reference may point at, with the namespaces kustomize compares (effective: unset
 * is "default"; empty for cluster-scoped objects).
 */
record NameTarget(
    Resource resource,
    ResId id,
    boolean clusterScoped,
    String currentNamespace,
    String originalNamespace) {

  static NameTarget of(Resource r) {
    ResId id = r.id();
    return new NameTarget(
        r, id, id.clusterScoped(), id.effectiveNamespace(), r.originalId().effectiveNamespace());
  }

  /** Whether one of the object's previous names is {@code name}. */
  boolean hadName(String name) {
    for (ResId prev : resource.previousIds()) {
      if (prev.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of the object's previous ids is of this group, version and kind (empty: any). */
  boolean wasOnceKind(String group, String version, String kind) {
    for (ResId prev : resource.previousIds()) {
      if ((group.isEmpty() || group.equals(prev.group()))
          && (version.isEmpty() || version.equals(prev.version()))
          && (kind.isEmpty() || kind.equals(prev.kind()))) {
        return true;
      }
    }
    return false;
  }
}
