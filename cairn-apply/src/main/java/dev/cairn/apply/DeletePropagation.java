package dev.cairn.apply;

/**
 * What happens to an object's dependents (objects whose {@code ownerReferences} name it) when it is
 * deleted: the garbage collector deletes them after it ({@code BACKGROUND}), before it ({@code
 * FOREGROUND}), or they stay without the reference ({@code ORPHAN}).
 */
public enum DeletePropagation {
  BACKGROUND("Background"),
  FOREGROUND("Foreground"),
  ORPHAN("Orphan");

  private final String policy;

  DeletePropagation(String policy) {
    this.policy = policy;
  }

  /** The API's {@code propagationPolicy} value. */
  public String policy() {
    return policy;
  }
}
