package dev.cairn.engine.helm;

/**
 * What the {@code release} step does, decided from plain values only (no cluster, no clock): in
 * sync (the newest revision is deployed with the same chart, values and manifest, and no force was
 * asked) → drift and health only; never deployed (no revision, only failed installs, or
 * uninstalled) → install; otherwise upgrade. A failed revision whose chart version or values differ
 * from the desired ones starts the action's failure counter afresh; a counter above the action's
 * retries (when not negative) stalls the release.
 */
final class ReleaseDecision {
  private ReleaseDecision() {}

  /** The newest stored revision, as digests. */
  record Latest(
      String status,
      String chartName,
      String chartVersion,
      String configDigest,
      String manifestDigest) {}

  /** The desired revision, as the chart, values and render of this run make it. */
  record Desired(
      String chartName, String chartVersion, String configDigest, String manifestDigest) {}

  /**
   * Everything the decision reads.
   *
   * @param latest the newest revision, or null when none is stored
   * @param everDeployed whether any stored revision is deployed or superseded
   * @param installRetries {@code install.remediation.retries} (0 when absent, negative: forever)
   */
  record Facts(
      Latest latest,
      boolean everDeployed,
      Desired desired,
      boolean forceRequested,
      long installFailures,
      long upgradeFailures,
      int installRetries,
      int upgradeRetries) {}

  /** The outcome of {@link #decide}. */
  sealed interface Decision {}

  /** Nothing to release: check drift and health. */
  record InSync() implements Decision {}

  /**
   * Run {@code kind}; {@code failures} are the failures counted before this attempt and {@code
   * resetFailures} says the stored counter must be cleared first.
   */
  record Act(ReleaseAction.Kind kind, long failures, boolean resetFailures) implements Decision {}

  /** {@code kind} failed {@code failures} times, more than its retries allow. */
  record RetriesExceeded(ReleaseAction.Kind kind, long failures) implements Decision {}

  static Decision decide(Facts facts) {
    Latest latest = facts.latest();
    Desired desired = facts.desired();
    if (latest != null && !facts.forceRequested() && inSync(latest, desired)) {
      return new InSync();
    }
    boolean install =
        latest == null
            || ReleaseRecord.UNINSTALLED.equals(latest.status())
            || !facts.everDeployed();
    ReleaseAction.Kind kind = install ? ReleaseAction.Kind.INSTALL : ReleaseAction.Kind.UPGRADE;
    // New chart or values: the failures counted so far were about other inputs.
    boolean reset =
        latest != null
            && ReleaseRecord.FAILED.equals(latest.status())
            && !(latest.chartVersion().equals(desired.chartVersion())
                && latest.configDigest().equals(desired.configDigest()));
    long failures = reset ? 0 : install ? facts.installFailures() : facts.upgradeFailures();
    int retries = install ? facts.installRetries() : facts.upgradeRetries();
    if (retries >= 0 && failures > retries) {
      return new RetriesExceeded(kind, failures);
    }
    return new Act(kind, failures, reset);
  }

  private static boolean inSync(Latest latest, Desired desired) {
    return ReleaseRecord.DEPLOYED.equals(latest.status())
        && latest.chartName().equals(desired.chartName())
        && latest.chartVersion().equals(desired.chartVersion())
        && latest.configDigest().equals(desired.configDigest())
        && latest.manifestDigest().equals(desired.manifestDigest());
  }
}
