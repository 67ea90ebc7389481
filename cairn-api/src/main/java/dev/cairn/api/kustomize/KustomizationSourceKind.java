package dev.cairn.api.kustomize;

/** Kinds a Kustomization can take its manifests from (Flux's enum, names as kinds). */
public enum KustomizationSourceKind {
  OCIRepository,
  GitRepository,
  Bucket,
  ExternalArtifact
}
