package dev.cairn.engine.source;

import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.StepReconciler;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.git.GitFetcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;

/** What the source reconciler ITs set up alike: a GitRepository reconciler. */
final class SourceItSetup {
  static final String ARTIFACT_BASE_URL = "http://cairn-source.cairn-system";

  private SourceItSetup() {}

  /** A GitRepository reconciler fetching into {@code store}, with its Git cache under temp. */
  static StepReconciler<GitRepository, GitRepositoryStatus, GitRepositoryRun> gitRepositories(
      KubernetesClient client, Path temp, ArtifactStore store) {
    return GitRepositoryKind.reconciler(
        client,
        new GitFetcher(temp.resolve("cache"), store),
        new EventRecorder(client, "cairn", Clock.systemUTC()),
        ARTIFACT_BASE_URL,
        Clock.systemUTC());
  }
}
