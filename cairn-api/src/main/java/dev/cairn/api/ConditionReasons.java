package dev.cairn.api;

/**
 * Condition reasons, spelled as Flux spells them ({@code fluxcd/pkg/apis/meta} and the controllers'
 * {@code condition_types.go}) so that tools reading Flux statuses read Cairn's.
 */
public final class ConditionReasons {

  // Generic (Flux meta)
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  public static final String ACCESS_DENIED = "AccessDenied";
  public static final String PROGRESSING = "Progressing";
  public static final String PROGRESSING_WITH_RETRY = "ProgressingWithRetry";
  public static final String SUSPENDED = "Suspended";
  public static final String DEPENDENCY_NOT_READY = "DependencyNotReady";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String RECONCILIATION_SUCCEEDED = "ReconciliationSucceeded";
  public static final String RECONCILIATION_FAILED = "ReconciliationFailed";
  public static final String ARTIFACT_FAILED = "ArtifactFailed";
  public static final String BUILD_FAILED = "BuildFailed";
  public static final String HEALTH_CHECK_FAILED = "HealthCheckFailed";
  public static final String HEALTH_CHECK_CANCELED = "HealthCheckCanceled";
  public static final String PRUNE_FAILED = "PruneFailed";
  public static final String INVALID_PATH = "InvalidPath";
  public static final String INVALID_URL = "InvalidURL";
  public static final String INVALID_CEL_EXPRESSION = "InvalidCELExpression";
  public static final String INSECURE_CONNECTIONS_DISALLOWED = "InsecureConnectionsDisallowed";
  public static final String UNSUPPORTED_CONNECTION_TYPE = "UnsupportedConnectionType";

  // Sources (source-controller)
  public static final String URL_INVALID = "URLInvalid";
  public static final String AUTHENTICATION_FAILED = "AuthenticationFailed";
  public static final String GIT_OPERATION_FAILED = "GitOperationFailed";
  public static final String VERIFICATION_ERROR = "VerificationError";
  public static final String INDEXATION_FAILED = "IndexationFailed";
  public static final String CHART_PULL_FAILED = "ChartPullFailed";
  public static final String CHART_PACKAGE_FAILED = "ChartPackageFailed";
  public static final String ARTIFACT_UP_TO_DATE = "ArtifactUpToDate";
  public static final String STORAGE_OPERATION_FAILED = "StorageOperationFailed";

  /** An event reason rather than a condition reason: a source stored a new artifact. */
  public static final String NEW_ARTIFACT = "NewArtifact";

  // HelmRelease (helm-controller)
  public static final String INSTALL_SUCCEEDED = "InstallSucceeded";
  public static final String INSTALL_FAILED = "InstallFailed";
  public static final String UPGRADE_SUCCEEDED = "UpgradeSucceeded";
  public static final String UPGRADE_FAILED = "UpgradeFailed";
  public static final String TEST_SUCCEEDED = "TestSucceeded";
  public static final String TEST_FAILED = "TestFailed";
  public static final String ROLLBACK_SUCCEEDED = "RollbackSucceeded";
  public static final String ROLLBACK_FAILED = "RollbackFailed";
  public static final String UNINSTALL_SUCCEEDED = "UninstallSucceeded";
  public static final String UNINSTALL_FAILED = "UninstallFailed";
  public static final String DRIFT_DETECTED = "DriftDetected";
  public static final String NO_DRIFT_DETECTED = "NoDriftDetected";

  // SealedSecret (sealed-secrets controller's event reasons)
  public static final String UNSEALED = "Unsealed";
  public static final String UNSEAL_FAILED = "ErrUnsealFailed";
  public static final String UPDATE_FAILED = "ErrUpdateFailed";

  private ConditionReasons() {}
}
