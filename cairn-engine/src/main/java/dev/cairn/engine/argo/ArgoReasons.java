package dev.cairn.engine.argo;

/** Condition reasons and Argo CD condition types the Argo CD kinds record. */
final class ArgoReasons {
  /** Argo CD's condition type for a spec or project rule the Application breaks. */
  static final String INVALID_SPEC_ERROR = "InvalidSpecError";

  /** Argo CD's condition type for a failed comparison (source or rendering). */
  static final String COMPARISON_ERROR = "ComparisonError";

  /** Argo CD's condition type for a failed sync. */
  static final String SYNC_ERROR = "SyncError";

  /** Ready's reason when the Application is Synced and Healthy. */
  static final String SYNCED = "Synced";

  /** A sync is not allowed now (sync window). */
  static final String SYNC_WINDOW_CLOSED = "SyncWindowClosed";

  /** The live state differs and no automated policy allows a sync. */
  static final String OUT_OF_SYNC = "OutOfSync";

  private ArgoReasons() {}
}
