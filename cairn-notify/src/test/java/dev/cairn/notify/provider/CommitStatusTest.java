package dev.cairn.notify.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.notify.InvolvedObject;
import dev.cairn.notify.NotifyEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommitStatusTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @ParameterizedTest
  @CsvSource({"main@sha1:" + SHA, "sha1:" + SHA, "main/" + SHA, SHA, "refs/tags/v1@sha1:" + SHA})
  void theCommitOfARevision(String revision) throws NotifyException {
    assertThat(CommitStatus.commitOf(revision)).isEqualTo(SHA);
  }

  @Test
  void aRevisionWithoutAHashIsRefused() {
    assertThatThrownBy(() -> CommitStatus.commitOf("v1.2.3@sha256:xyz"))
        .isInstanceOf(NotifyException.class)
        .hasMessageContaining("failed to extract commit hash from 'v1.2.3@sha256:xyz'");
  }

  @ParameterizedTest
  @CsvSource({
    "ReconciliationSucceeded, reconciliation succeeded",
    "HealthCheckFailed, health check failed",
    "ArtifactFailed, artifact failed",
    "PDFLoader, pdf loader",
    "BuildFailed, build failed"
  })
  void theDescriptionIsTheReasonSplitAtItsCapitals(String reason, String description) {
    assertThat(CommitStatus.description(reason)).isEqualTo(description);
  }

  @Test
  void theIdIsKindNameAndTheFirstPartOfTheProviderUid() throws NotifyException {
    NotifyEvent event =
        new NotifyEvent(
            new InvolvedObject(
                "cairn.dev/v1", "Kustomization", "flux-system", "Apps", "u", "1", null),
            "error",
            "HealthCheckFailed",
            "m",
            Map.of("revision", "main@sha1:" + SHA),
            Instant.EPOCH,
            "cairn");

    CommitStatus status = CommitStatus.of(event, "8d1a2b3c-0000-4000-8000-000000000000");

    assertThat(status.id()).isEqualTo("kustomization/apps/8d1a2b3c");
    assertThat(status.commit()).isEqualTo(SHA);
    assertThat(status.description()).isEqualTo("health check failed");
    assertThat(status.error()).isTrue();
  }
}
