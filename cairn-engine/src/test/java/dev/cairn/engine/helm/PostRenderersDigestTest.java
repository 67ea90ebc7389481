package dev.cairn.engine.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.Image;
import dev.cairn.api.helm.KustomizePostRenderer;
import dev.cairn.api.helm.PostRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code status.observedPostRenderersDigest}: none without post-renderers, else one per list. */
class PostRenderersDigestTest {

  private static List<PostRenderer> retag(String tag) {
    return List.of(
        new PostRenderer(
            new KustomizePostRenderer(null, List.of(new Image("nginx", null, tag, null)))));
  }

  @Test
  void noPostRenderersNoDigest() {
    assertThat(PostRenderersDigest.of(null)).isNull();
  }

  @Test
  void theDigestFollowsThePostRenderers() {
    String first = PostRenderersDigest.of(retag("1.27"));

    assertThat(first).matches("sha256:[0-9a-f]{64}");
    assertThat(PostRenderersDigest.of(retag("1.27"))).isEqualTo(first);
    assertThat(PostRenderersDigest.of(retag("1.28"))).isNotEqualTo(first);
    assertThat(PostRenderersDigest.of(List.of())).isNotEqualTo(first).isNotNull();
  }
}
