package dev.cairn.engine.preview;

/**
 * One rendered object that differs between the revisions.
 *
 * @param action added, changed or removed
 * @param diff a unified diff of the object's YAML, secret values masked
 */
public record ObjectChange(
    String group, String kind, String namespace, String name, Action action, String diff) {

  public enum Action {
    ADDED,
    CHANGED,
    REMOVED
  }

  /** {@code Kind/namespace/name}, with the group when there is one ({@code Deployment.apps/..}). */
  public String label() {
    String k = group == null || group.isEmpty() ? kind : kind + "." + group;
    return k + "/" + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
