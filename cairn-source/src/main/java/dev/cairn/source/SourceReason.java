package dev.cairn.source;

/**
 * Why fetching a source failed. Each constant names one situation a caller may treat differently;
 * {@link #conditionReason()} is the reason string Flux's source-controller puts on its conditions
 * for the same situation, so status written from it reads like Flux's.
 */
public enum SourceReason {
  /** A Git transport or repository operation failed (network, protocol, corrupt data). */
  GIT_OPERATION_FAILED("GitOperationFailed"),
  /** The requested branch, tag, semver range, named ref or commit does not exist remotely. */
  REFERENCE_NOT_FOUND("GitOperationFailed"),
  /** The server refused the credentials, or demanded some and none were given. */
  AUTHENTICATION_FAILED("AuthenticationFailed"),
  /** The URL cannot be parsed or uses a scheme that is not supported. */
  URL_INVALID("URLInvalid"),
  /** The spec is contradictory or incomplete (for example a semver range that does not parse). */
  INVALID_SPEC("InvalidSpec"),
  /** An archive was refused (unsafe entry, too large) or could not be built. */
  ARTIFACT_FAILED("ArtifactFailed"),
  /** The artifact store could not read or write its files. */
  STORAGE_OPERATION_FAILED("StorageOperationFailed"),
  /** A Helm repository index could not be fetched or parsed. */
  INDEXATION_FAILED("IndexationFailed"),
  /** No chart version in the index matches the requested name and constraint. */
  CHART_NOT_FOUND("InvalidChartReference"),
  /** A chart could not be downloaded, or its digest did not match the index. */
  CHART_PULL_FAILED("ChartPullFailed"),
  /** A commit or tag signature is missing or does not verify against the given keys. */
  INVALID_COMMIT_SIGNATURE("InvalidCommitSignature"),
  /** An OCI artifact's tags, manifest or layer could not be read from the registry. */
  OCI_PULL_FAILED("OCIArtifactPullFailed"),
  /** The OCI artifact has no layer of the selected media type, or it cannot be extracted. */
  OCI_LAYER_FAILED("OCIArtifactLayerOperationFailed"),
  /** A chart's values files are missing or cannot be read or merged. */
  VALUES_FILES_FAILED("ValuesFilesError");

  private final String conditionReason;

  SourceReason(String conditionReason) {
    this.conditionReason = conditionReason;
  }

  /** The Flux-compatible reason string for a status condition. */
  public String conditionReason() {
    return conditionReason;
  }
}
