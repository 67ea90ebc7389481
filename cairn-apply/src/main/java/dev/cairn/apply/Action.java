package dev.cairn.apply;

/** What the apply engine did to one object. */
public enum Action {
  /** The object did not exist and was created. */
  CREATED,
  /** The object existed and the apply changed it. */
  CONFIGURED,
  /** The live object already matched the desired one; no write was made. */
  UNCHANGED,
  /** The object was deleted (prune, or the first half of a forced recreate). */
  DELETED,
  /** The object was left alone on purpose (excluded, prune disabled, owned by someone else). */
  SKIPPED,
  /** The outcome is not known, e.g. the request failed. */
  UNKNOWN
}
