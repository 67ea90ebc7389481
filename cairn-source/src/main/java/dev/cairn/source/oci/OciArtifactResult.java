package dev.cairn.source.oci;

import dev.cairn.source.artifact.StoredArtifact;
import java.util.Map;

/**
 * A pulled artifact: what was stored, its revision ({@code <tag>@sha256:<manifest digest>}, or the
 * digest alone for a digest ref) and the manifest's annotations (Flux's artifact metadata).
 */
public record OciArtifactResult(
    StoredArtifact artifact, String revision, Map<String, String> annotations) {
  public OciArtifactResult {
    annotations = Map.copyOf(annotations);
  }
}
