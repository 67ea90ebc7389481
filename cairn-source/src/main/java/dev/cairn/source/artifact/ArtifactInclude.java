package dev.cairn.source.artifact;

import java.util.Objects;

/**
 * Another source's artifact to copy into a composed one, like Flux's {@code spec.include}: the
 * directory {@code fromPath} of {@code artifact} lands at {@code toPath}.
 *
 * @param artifact the included source's current artifact
 * @param fromPath directory inside the included artifact; empty for all of it
 * @param toPath directory in the composed artifact; whatever the base had there is replaced
 */
public record ArtifactInclude(StoredArtifact artifact, String fromPath, String toPath) {
  public ArtifactInclude {
    Objects.requireNonNull(artifact, "artifact");
    fromPath = EntryPaths.requireRelative(fromPath == null ? "" : fromPath);
    toPath = EntryPaths.requireRelative(Objects.requireNonNull(toPath, "toPath"));
    if (toPath.isEmpty()) {
      throw new IllegalArgumentException("toPath must name a directory below the root");
    }
  }
}
