package dev.cairn.engine;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a dependent's run until its source's artifact is in this replica's store. Each replica
 * fetches into its own storage, so right after a replica takes the lead (or restarts on empty
 * storage) a Kustomization can run before this replica has fetched its GitRepository again, whose
 * status still names the artifact the previous leader stored. Failing then would flip Ready to
 * False, with a Warning event, for the seconds the fetch takes, although nothing changed. Instead
 * the run ends without touching the status and looks again after {@link #RECHECK}; only an artifact
 * still missing after {@link #GRACE} (its source suspended, or failing here while its status still
 * names the last good artifact) fails the run with {@code ArtifactFailed}. When the store downloads
 * ({@code ArtifactStoreOptions.downloadTimeout}), the artifact is first fetched from the URL in the
 * status, which the replica that stored it serves, and kept only with the status's digest.
 */
public final class AwaitArtifactStep {
  private static final Logger LOG = LoggerFactory.getLogger(AwaitArtifactStep.class);
  public static final Duration RECHECK = Duration.ofSeconds(2);
  public static final Duration GRACE = Duration.ofMinutes(2);

  private final ArtifactStore store;
  private final Map<String, Instant> missingSince = new ConcurrentHashMap<>();

  public AwaitArtifactStep(ArtifactStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Proceeds when {@code artifact} is in the store; defers the run while it has been missing for
   * less than {@link #GRACE}; fails it after that.
   *
   * @param source the source, as the message names it (e.g. {@code GitRepository/ns/name})
   */
  public StepResult awaitArtifact(Run<?> run, Artifact artifact, String source) {
    String path = artifact.path();
    if (store.contains(path) || downloaded(artifact, source)) {
      missingSince.remove(path);
      return StepResult.proceed();
    }
    Instant now = run.clock().instant();
    Instant since = missingSince.computeIfAbsent(path, p -> now);
    if (Duration.between(since, now).compareTo(GRACE) < 0) {
      return StepResult.defer(
          RECHECK, "artifact of " + source + " not fetched by this controller yet");
    }
    throw new ReconcileException.Failed(
        ConditionReasons.ARTIFACT_FAILED,
        "artifact "
            + artifact.revision()
            + " of "
            + source
            + " is not in this controller's storage "
            + GRACE.toMinutes()
            + " minutes after it was first needed: this controller has not fetched the source"
            + " since it started (is the source suspended, or failing?)");
  }

  /**
   * Downloads the artifact from the replica that serves it, when the store downloads. A copy whose
   * digest differs from the status fails the run; an unreachable URL leaves the run waiting.
   */
  private boolean downloaded(Artifact artifact, String source) {
    try {
      return store.download(artifact.url(), artifact.path(), artifact.digest());
    } catch (SourceException e) {
      if (e.reason() != SourceReason.ARTIFACT_FAILED) {
        LOG.debug("artifact of {} not downloaded yet: {}", source, e.getMessage());
        return false;
      }
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED,
          "artifact " + artifact.revision() + " of " + source + ": " + e.getMessage());
    }
  }
}
