package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one status write of a run lands even when the object changed while the run worked (an
 * annotation, a finalizer): the status goes onto the object as it is now instead of failing with
 * 409 Conflict run after run.
 */
@ExtendWith(ClusterExtension.class)
class StatusWriterIT {

  @Test
  void aStatusWriteLandsOnAnObjectChangedDuringTheRun(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    CairnCrdInstaller.installAll(client);
    String ns = cluster.createNamespace("status-writer");
    Kustomization created =
        client
            .resource(
                client
                    .getKubernetesSerialization()
                    .unmarshal(
                        """
                        apiVersion: cairn.dev/v1
                        kind: Kustomization
                        metadata: {name: app, namespace: %s}
                        spec:
                          interval: 10m
                          prune: true
                          sourceRef: {kind: GitRepository, name: repo}
                        """
                            .formatted(ns),
                        Kustomization.class))
            .create();
    client
        .resources(Kustomization.class)
        .inNamespace(ns)
        .withName("app")
        .edit(
            k -> {
              k.getMetadata().getAnnotations().put("reconcile.cairn.dev/requestedAt", "now");
              return k;
            });
    KustomizationStatus status = new KustomizationStatus();
    status.setLastAttemptedRevision("main@sha1:0123456789abcdef0123456789abcdef01234567");

    Optional<Kustomization> written =
        new StatusWriter(client).write(Kustomization.class, created, status);

    assertThat(written).isPresent();
    Kustomization live =
        client.resources(Kustomization.class).inNamespace(ns).withName("app").get();
    assertThat(live.getStatus().getLastAttemptedRevision())
        .isEqualTo("main@sha1:0123456789abcdef0123456789abcdef01234567");
    assertThat(live.getMetadata().getAnnotations())
        .containsEntry("reconcile.cairn.dev/requestedAt", "now");
  }
}
