package dev.cairn.source.artifact;

import java.time.Instant;

/**
 * A source that has a directory in the {@link ArtifactStore}, and when that directory last changed
 * (an artifact or note stored, an old one collected).
 */
public record StoredSource(SourceKey key, Instant lastChanged) {}
