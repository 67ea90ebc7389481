package dev.cairn.engine.source;

import dev.cairn.api.schema.CairnCrds;
import dev.cairn.engine.EventRecorder;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.git.GitFetcher;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;

/** What the source reconciler ITs set up alike: CRDs and a GitRepository reconciler. */
final class SourceItSetup {
  static final String ARTIFACT_BASE_URL = "http://cairn-source.cairn-system";

  private SourceItSetup() {}

  /** Installs the CRDs of {@code kinds} (server-side apply, so again is harmless). */
  @SafeVarargs
  static void installCrds(KubernetesClient client, Class<? extends HasMetadata>... kinds) {
    for (Class<? extends HasMetadata> kind : kinds) {
      CustomResourceDefinition crd =
          client
              .getKubernetesSerialization()
              .convertValue(CairnCrds.crd(kind), CustomResourceDefinition.class);
      client.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
    }
  }

  /** A GitRepository reconciler fetching into {@code store}, with its Git cache under temp. */
  static GitRepositoryReconciler gitRepositories(
      KubernetesClient client, Path temp, ArtifactStore store) {
    return new GitRepositoryReconciler(
        client,
        new GitFetcher(temp.resolve("cache"), store),
        new EventRecorder(client, "cairn", Clock.systemUTC()),
        ARTIFACT_BASE_URL,
        Clock.systemUTC());
  }
}
