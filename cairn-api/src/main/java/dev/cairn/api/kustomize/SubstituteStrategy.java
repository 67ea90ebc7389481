package dev.cairn.api.kustomize;

/**
 * Whether variables are substituted only where a value exists ({@code WithVariables}) or always.
 */
public enum SubstituteStrategy {
  WithVariables,
  Always
}
