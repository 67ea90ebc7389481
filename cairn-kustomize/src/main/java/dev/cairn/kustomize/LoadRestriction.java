package dev.cairn.kustomize;

/** Where a kustomization may read files from, as kustomize's {@code --load-restrictor}. */
public enum LoadRestriction {
  /**
   * Kustomize's default: a file (resource, patch, generator source) must lie in or below the
   * directory of the kustomization that names it; bases may be other directories inside the build
   * boundary.
   */
  ROOT_ONLY,
  /** Files may be anywhere inside the build boundary. */
  NONE
}
