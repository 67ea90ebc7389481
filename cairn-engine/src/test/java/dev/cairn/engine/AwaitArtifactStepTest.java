package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwaitArtifactStepTest {
  private static final String SOURCE = "GitRepository/apps/repo";

  @TempDir Path temp;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private ArtifactStore elsewhere;
  private ArtifactStore here;
  private Artifact artifact;

  @BeforeEach
  void storeAnArtifactOnAnotherReplica() throws Exception {
    elsewhere = new ArtifactStore(temp.resolve("other-replica"), ArtifactStoreOptions.defaults());
    here = new ArtifactStore(temp.resolve("this-replica"), ArtifactStoreOptions.defaults());
    Path tree = Files.createDirectories(temp.resolve("tree"));
    Files.writeString(tree.resolve("a.yaml"), "kind: ConfigMap\n");
    var stored =
        elsewhere.storeDirectory(
            new SourceKey("gitrepository", "apps", "repo"), "main@sha1:" + "a".repeat(40), tree);
    artifact =
        new Artifact(
            stored.path(),
            "http://cairn-source/" + stored.path(),
            stored.revision(),
            stored.digest(),
            stored.lastUpdateTime().toString(),
            stored.size(),
            null);
  }

  @Test
  void proceedsWhenTheArtifactIsInThisStore() {
    assertThat(new AwaitArtifactStep(elsewhere).awaitArtifact(run(), artifact, SOURCE))
        .isEqualTo(StepResult.proceed());
  }

  @Test
  void defersWithoutAStatusChangeWhileTheArtifactHasNotArrived() {
    AwaitArtifactStep arrival = new AwaitArtifactStep(here);

    StepResult first = arrival.awaitArtifact(run(), artifact, SOURCE);
    clock.advance(AwaitArtifactStep.GRACE.minusSeconds(1));
    StepResult last = arrival.awaitArtifact(run(), artifact, SOURCE);

    for (StepResult result : List.of(first, last)) {
      assertThat(result.kind()).isEqualTo(StepResult.Kind.SKIP);
      assertThat(result.requeueAfter()).isEqualTo(AwaitArtifactStep.RECHECK);
      assertThat(result.message()).contains(SOURCE);
    }
  }

  @Test
  void failsOnceTheArtifactIsStillMissingAfterTheGrace() {
    AwaitArtifactStep arrival = new AwaitArtifactStep(here);
    arrival.awaitArtifact(run(), artifact, SOURCE);
    clock.advance(AwaitArtifactStep.GRACE);

    assertThatThrownBy(() -> arrival.awaitArtifact(run(), artifact, SOURCE))
        .isInstanceOfSatisfying(
            ReconcileException.Failed.class,
            e -> assertThat(e.reason()).isEqualTo(ConditionReasons.ARTIFACT_FAILED))
        .hasMessageContaining("artifact main@sha1:" + "a".repeat(40) + " of " + SOURCE)
        .hasMessageContaining("is not in this controller's storage")
        .hasMessageNotContaining(temp.toString());
  }

  @Test
  void anArtifactThatArrivedAndWentAgainGetsAFreshGrace() throws Exception {
    AwaitArtifactStep arrival = new AwaitArtifactStep(here);
    arrival.awaitArtifact(run(), artifact, SOURCE);
    clock.advance(AwaitArtifactStep.GRACE.minusSeconds(10));
    Path copy = here.root().resolve(artifact.path());
    Files.createDirectories(copy.getParent());
    Files.copy(elsewhere.root().resolve(artifact.path()), copy);
    assertThat(arrival.awaitArtifact(run(), artifact, SOURCE)).isEqualTo(StepResult.proceed());

    Files.delete(copy);
    arrival.awaitArtifact(run(), artifact, SOURCE);
    clock.advance(Duration.ofSeconds(30));

    assertThat(arrival.awaitArtifact(run(), artifact, SOURCE).kind())
        .isEqualTo(StepResult.Kind.SKIP);
  }

  private Run<KustomizationStatus> run() {
    return new Run<>(
        new ResourceKey("Kustomization", "apps", "app"),
        1,
        Trigger.INTERVAL,
        List.of(),
        new KustomizationStatus(),
        clock);
  }
}
