package dev.cairn.source.artifact;

import java.io.IOException;

/** Writes the entries of one artifact; called once by {@link ArtifactStore#store}. */
@FunctionalInterface
public interface ArchiveContent {
  void writeTo(TarballWriter writer) throws IOException;
}
