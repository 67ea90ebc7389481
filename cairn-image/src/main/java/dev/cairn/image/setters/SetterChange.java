package dev.cairn.image.setters;

/**
 * One marked value rewritten.
 *
 * @param file path relative to the repository root, with {@code /}
 * @param object the object holding the line: kind, namespace and name (empty when the document has
 *     none, e.g. a {@code kustomization.yaml})
 * @param oldValue the value before
 * @param newValue the value after
 * @param setter the marker's policy, {@code namespace:name}
 */
public record SetterChange(
    String file, ObjectId object, String oldValue, String newValue, String setter) {

  /** The object a marked line belongs to. */
  public record ObjectId(String apiVersion, String kind, String namespace, String name) {}
}
