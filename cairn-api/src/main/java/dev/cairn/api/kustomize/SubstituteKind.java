package dev.cairn.api.kustomize;

/** Kinds variables for post-build substitution can come from. */
public enum SubstituteKind {
  Secret,
  ConfigMap
}
