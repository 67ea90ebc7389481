package dev.cairn.source.helm;

import dev.cairn.source.artifact.StoredArtifact;

/**
 * A fetched repository index.
 *
 * @param artifact the stored artifact (a tarball holding {@code index.yaml}); its revision is the
 *     index digest, as in Flux
 * @param digest {@code sha256:<hex>} of the index bytes
 * @param index the parsed index
 */
public record HelmIndexResult(StoredArtifact artifact, String digest, HelmIndex index) {}
