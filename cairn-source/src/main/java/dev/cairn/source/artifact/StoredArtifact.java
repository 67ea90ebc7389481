package dev.cairn.source.artifact;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored tarball of a fetched tree.
 *
 * @param revision what was fetched, e.g. {@code main@sha1:<40 hex>} or a chart version
 * @param digest {@code sha256:<64 hex>} of the tarball bytes; also its file name in the store
 * @param path the tarball's path relative to the store root, with forward slashes
 * @param lastUpdateTime when this artifact became the current one of its source
 * @param size tarball size in bytes
 */
public record StoredArtifact(
    String revision, String digest, String path, Instant lastUpdateTime, long size) {
  public StoredArtifact {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(lastUpdateTime, "lastUpdateTime");
    if (!digest.matches("sha256:[0-9a-f]{64}")) {
      throw new IllegalArgumentException("digest must be sha256:<64 lowercase hex>: " + digest);
    }
  }

  /** The 64 hex characters of the digest. */
  public String hex() {
    return digest.substring("sha256:".length());
  }

  public StoredArtifact withRevision(String newRevision) {
    return new StoredArtifact(newRevision, digest, path, lastUpdateTime, size);
  }
}
