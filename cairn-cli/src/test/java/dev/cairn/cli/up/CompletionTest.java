package dev.cairn.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.cluster.ObjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static ObjectStatus status(String name, String ready, boolean observed, boolean stalled) {
    return new ObjectStatus(
        "Kustomization",
        "ns",
        name,
        "main@sha1:1",
        false,
        observed,
        stalled,
        ready,
        null,
        "m",
        null,
        null);
  }

  @Test
  void nothingYetIsInProgress() {
    assertThat(new Completion(Duration.ofSeconds(30)).evaluate(List.of(), T0))
        .isEqualTo(Completion.State.IN_PROGRESS);
  }

  @Test
  void everyObjectReadyForItsGenerationIsReady() {
    Completion completion = new Completion(Duration.ofSeconds(30));
    assertThat(completion.evaluate(List.of(status("a", "True", true, false)), T0))
        .isEqualTo(Completion.State.READY);
  }

  @Test
  void aReadyStatusOfAnOlderGenerationIsNotEnough() {
    Completion completion = new Completion(Duration.ofSeconds(30));
    assertThat(
            completion.evaluate(
                List.of(status("a", "True", true, false), status("b", "True", false, false)), T0))
        .isEqualTo(Completion.State.IN_PROGRESS);
  }

  @Test
  void aStalledObjectFailsAtOnce() {
    Completion completion = new Completion(Duration.ofSeconds(30));
    assertThat(completion.evaluate(List.of(status("a", "False", true, true)), T0))
        .isEqualTo(Completion.State.FAILED);
  }

  @Test
  void aFailureFailsOnlyOnceNothingChangedForTheSettleTime() {
    Completion completion = new Completion(Duration.ofSeconds(30));
    List<ObjectStatus> failing = List.of(status("a", "False", true, false));
    assertThat(completion.evaluate(failing, T0)).isEqualTo(Completion.State.IN_PROGRESS);
    assertThat(completion.evaluate(failing, T0.plusSeconds(29)))
        .isEqualTo(Completion.State.IN_PROGRESS);
    List<ObjectStatus> changed =
        List.of(status("a", "False", true, false), status("b", "Unknown", false, false));
    assertThat(completion.evaluate(changed, T0.plusSeconds(31)))
        .isEqualTo(Completion.State.IN_PROGRESS);
    assertThat(completion.evaluate(changed, T0.plusSeconds(61))).isEqualTo(Completion.State.FAILED);
    assertThat(Completion.failing(changed))
        .extracting(ObjectStatus::name)
        .containsExactly("a", "b");
  }

  @Test
  void theLiveLineShowsKindNameRevisionReadyAndMessage() {
    assertThat(LiveView.line(status("apps", "True", true, false)))
        .isEqualTo("✔ Kustomization/ns/apps  main@sha1:1  Ready  m");
    ObjectStatus long_ =
        new ObjectStatus(
            "GitRepository",
            "ns",
            "git",
            "main@sha1:" + "0123456789abcdef".repeat(2) + "01234567",
            false,
            true,
            false,
            "True",
            null,
            "",
            null,
            null);
    assertThat(LiveView.line(long_))
        .isEqualTo("✔ GitRepository/ns/git  main@sha1:0123456789ab  Ready");
    assertThat(LiveView.line(status("apps", "False", true, false)))
        .isEqualTo("✗ Kustomization/ns/apps  main@sha1:1  Not ready  m");
  }
}
