package dev.cairn.apply;

import dev.cairn.manifest.KubeObject;

/**
 * What validation decided to do with one object.
 *
 * @param kind the decision
 * @param plan the object
 * @param live the live object (null when it does not exist)
 * @param reason why the object must be recreated, or why it failed
 */
record Decision(Kind kind, ObjectPlan plan, KubeObject live, String reason) {
  enum Kind {
    UNCHANGED,
    CREATE,
    CONFIGURE,
    RECREATE,
    FAILED
  }

  boolean failed() {
    return kind == Kind.FAILED;
  }
}
