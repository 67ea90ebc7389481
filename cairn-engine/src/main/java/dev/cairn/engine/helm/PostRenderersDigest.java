package dev.cairn.engine.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.helm.PostRenderer;
import dev.cairn.render.helm.HelmRender;
import java.util.List;

/**
 * Flux's {@code status.observedPostRenderersDigest}: after a successful run, {@code sha256:<hex>}
 * of {@code spec.postRenderers} as JSON (one line, as Go's encoder writes it), or none when the
 * spec has no post-renderers. The digest has Flux's shape; its bytes follow Cairn's JSON field
 * order, so it is not guaranteed to equal the digest Flux computes for the same list.
 */
final class PostRenderersDigest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PostRenderersDigest() {}

  /** The digest to record for {@code postRenderers}; null when there are none. */
  static String of(List<PostRenderer> postRenderers) {
    if (postRenderers == null) {
      return null;
    }
    try {
      return HelmRender.digest(JSON.writeValueAsString(postRenderers) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("spec.postRenderers cannot be written as JSON", e);
    }
  }
}
