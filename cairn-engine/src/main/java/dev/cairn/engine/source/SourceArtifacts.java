package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.ReconcileStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.RunOutcome;
import dev.cairn.source.artifact.StoredArtifact;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * What the source reconcilers share: the store's artifact as the API's {@code status.artifact} (and
 * back), and the rule for their events — one Normal event when the stored artifact changed, one
 * Warning event when a failure is news.
 */
final class SourceArtifacts {
  private final String baseUrl;

  /**
   * @param artifactBaseUrl where consumers download artifacts; the artifact path is appended
   */
  SourceArtifacts(String artifactBaseUrl) {
    this.baseUrl = artifactBaseUrl.endsWith("/") ? artifactBaseUrl : artifactBaseUrl + "/";
  }

  /** The API record of a stored artifact, with its download URL. */
  Artifact toStatus(StoredArtifact stored, String revision) {
    return new Artifact(
        stored.path(),
        url(stored.path()),
        revision,
        stored.digest(),
        DateTimeFormatter.ISO_INSTANT.format(stored.lastUpdateTime()),
        stored.size(),
        null);
  }

  /** The download URL of a path in the store. */
  String url(String path) {
    return baseUrl + path;
  }

  /** The store's record of an artifact a status points at (same store root). */
  static StoredArtifact toStore(Artifact artifact) {
    return new StoredArtifact(
        artifact.revision(),
        artifact.digest(),
        artifact.path(),
        Instant.parse(artifact.lastUpdateTime()),
        artifact.size() == null ? 0L : artifact.size());
  }

  /**
   * Records a Normal event ({@code reason}, {@code message}) when the run stored a different
   * artifact, and a Warning event when the run failed with a message Ready did not already carry.
   */
  static void announce(
      EventRecorder events,
      HasMetadata object,
      RunOutcome outcome,
      ReconcileStatus before,
      Artifact previous,
      Artifact now,
      String reason,
      String message) {
    ReconcileException error = outcome.error();
    if (error == null && now != null && !now.sameContentAs(previous)) {
      events.record(object, EventRecorder.NORMAL, reason, message, now.revision());
    }
    if (error != null && EventRecorder.isNewFailure(error, before)) {
      events.record(object, EventRecorder.WARNING, error.reason(), error.getMessage(), null);
    }
  }
}
