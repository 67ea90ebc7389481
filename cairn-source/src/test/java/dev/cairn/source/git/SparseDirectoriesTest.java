package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How Flux's {@code sparseCheckout} entries become the directories the archive keeps. */
class SparseDirectoriesTest {

  @Test
  void entriesBecomePlainRelativeDirectories() {
    assertThat(TreeArchiver.sparseDirectories(List.of("./deploy/prod/", "apps", " charts//")))
        .containsExactly("deploy/prod", "apps", "charts");
  }

  @Test
  void theRootMeansTheWholeTree() {
    assertThat(TreeArchiver.sparseDirectories(List.of("deploy", "./"))).isEmpty();
    assertThat(TreeArchiver.sparseDirectories(List.of())).isEmpty();
  }

  @Test
  void absoluteOrClimbingEntriesAreRefused() {
    assertThat(TreeArchiver.sparseDirectories(List.of("/etc"))).isNull();
    assertThat(TreeArchiver.sparseDirectories(List.of("deploy/../../x"))).isNull();
  }
}
