package dev.cairn.source.git;

import dev.cairn.source.artifact.StoredArtifact;
import java.util.List;

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
 * @param verified what signature verification checked, e.g. {@code commit '<sha>' with key '<key
 *     id>'}; empty when the spec asks for none
 */
public record GitFetchResult(
    StoredArtifact artifact,
    String revision,
    String commit,
    long objectsReceived,
    boolean archived,
    List<String> verified) {

  public GitFetchResult {
    verified = verified == null ? List.of() : List.copyOf(verified);
  }
}
