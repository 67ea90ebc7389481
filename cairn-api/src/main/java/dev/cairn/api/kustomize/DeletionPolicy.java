package dev.cairn.api.kustomize;

/**
 * What happens to applied objects when the Kustomization is deleted. {@code MirrorPrune} (the
 * default) deletes them when {@code prune} is true.
 */
public enum DeletionPolicy {
  MirrorPrune,
  Delete,
  WaitForTermination,
  Orphan
}
