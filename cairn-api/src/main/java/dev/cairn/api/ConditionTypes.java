package dev.cairn.api;

/** Condition types, named as in Flux's {@code meta} package and Kubernetes conventions. */
public final class ConditionTypes {

  /** The summary: the object is reconciled at its current generation. */
  public static final String READY = "Ready";

  /** A reconciliation is in progress ("abnormal-true": present only while working). */
  public static final String RECONCILING = "Reconciling";

  /** Reconciliation cannot continue without a change from a person. */
  public static final String STALLED = "Stalled";

  /** Health checks of the applied objects passed. */
  public static final String HEALTHY = "Healthy";

  /** Sources: the artifact for the current spec is stored. */
  public static final String ARTIFACT_IN_STORAGE = "ArtifactInStorage";

  /** Sources: the stored artifact is older than the upstream revision. */
  public static final String ARTIFACT_OUTDATED = "ArtifactOutdated";

  /** Sources: the fetched content passed signature verification. */
  public static final String SOURCE_VERIFIED = "SourceVerified";

  /** GitRepository: an included GitRepository is missing or has no artifact yet. */
  public static final String INCLUDE_UNAVAILABLE = "IncludeUnavailable";

  /** Sources: fetching from upstream failed. */
  public static final String FETCH_FAILED = "FetchFailed";

  /** HelmRelease: the release was installed or upgraded. */
  public static final String RELEASED = "Released";

  /** HelmRelease: the release tests passed. */
  public static final String TEST_SUCCESS = "TestSuccess";

  /** HelmRelease: a failed release was rolled back or uninstalled. */
  public static final String REMEDIATED = "Remediated";

  /** SealedSecret: the Secret holds the unsealed values (as the sealed-secrets controller). */
  public static final String SYNCED = "Synced";

  private ConditionTypes() {}
}
