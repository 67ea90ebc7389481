package dev.cairn.source.git;

import dev.cairn.source.artifact.Artifact;

/**
 * The outcome of one fetch.
 *
 * @param artifact the stored artifact, now current for the source
 * @param revision Flux-style revision, e.g. {@code main@sha1:<40 hex>}
 * @param commit the 40-hex commit id that was archived
 * @param objectsReceived how many objects the fetch transferred into the local mirror (0 when the
 *     mirror was already up to date)
 * @param archived whether the tree was archived by this call; false when the current artifact was
 *     built from exactly the same inputs (revision, ignore rules, includes), also before a restart
 */
public record GitFetchResult(
    Artifact artifact, String revision, String commit, long objectsReceived, boolean archived) {

  public GitFetchResult(Artifact artifact, String revision, String commit, long objectsReceived) {
    this(artifact, revision, commit, objectsReceived, true);
  }
}
