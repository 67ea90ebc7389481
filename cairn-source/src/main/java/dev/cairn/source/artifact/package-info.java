/**
 * The content-addressed artifact store: reproducible tar.gz writing, safe extraction with limits,
 * per-source history with retention and garbage collection.
 *
 * <p>Knows nothing of Git, Helm or OCI; fetchers hand it {@link
 * dev.cairn.source.artifact.ArchiveContent} and get an {@link StoredArtifact} back.
 */
package dev.cairn.source.artifact;
