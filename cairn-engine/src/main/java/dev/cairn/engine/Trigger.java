package dev.cairn.engine;

/** What started a reconciliation; recorded in the run and its logs. */
public enum Trigger {
  /** The object was created or its spec changed. */
  WATCH,
  /** The interval elapsed. */
  INTERVAL,
  /** A source this object uses has a new revision. */
  SOURCE_CHANGED,
  /** A webhook receiver or a person asked for it (reconcile annotation). */
  REQUEST
}
