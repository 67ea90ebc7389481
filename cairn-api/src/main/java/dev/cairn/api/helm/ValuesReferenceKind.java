package dev.cairn.api.helm;

/** Kinds values can be read from. */
public enum ValuesReferenceKind {
  Secret,
  ConfigMap
}
