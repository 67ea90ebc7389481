package dev.cairn.engine.kustomize;

import static dev.cairn.engine.kustomize.Harness.configMapYaml;
import static dev.cairn.engine.kustomize.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.api.source.OCIRepository;
import dev.cairn.api.source.OciRepositoryStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.source.OCIRepositoryKind;
import dev.cairn.engine.source.OciLayers;
import dev.cairn.engine.source.OciRepositoryRun;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.oci.OciArtifactFetcher;
import dev.cairn.source.oci.OciFetcherOptions;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.registry.OciArtifactPusher;
import dev.cairn.testkit.registry.OciRegistry;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Kustomization whose source is an OCIRepository (Debian's docker-registry). */
@ExtendWith(ClusterExtension.class)
class KustomizationOciSourceIT {
  private static Harness h;
  private static OciRegistry registry;
  private static OciArtifactPusher pusher;
  private static StepReconciler<OCIRepository, OciRepositoryStatus, OciRepositoryRun> sources;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = Harness.start(cluster);
    registry = OciRegistry.start(h.temp.resolve("registry"));
    pusher = new OciArtifactPusher(registry.host());
    // the same store directory the harness's Kustomization reconciler reads
    ArtifactStore store =
        new ArtifactStore(h.temp.resolve("store"), ArtifactStoreOptions.defaults());
    sources =
        OCIRepositoryKind.reconciler(
            h.client,
            new OciArtifactFetcher(store, OciFetcherOptions.defaults()),
            new EventRecorder(h.client, "cairn", Clock.systemUTC()),
            "http://cairn-source.cairn-system/",
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    h.close();
  }

  private static String push(String value) {
    return pusher.pushFluxArtifact(
        "manifests/app",
        "production",
        OciLayers.of(
            Map.of(
                "deploy/settings.yaml",
                configMapYaml("settings", value),
                "deploy/kustomization.yaml",
                "resources: [settings.yaml]\n")),
        "https://github.com/example/app",
        "main@sha1:" + value);
  }

  private static KustomizationStatus sync(String ns) {
    sources.reconcile(ns, "app", Trigger.INTERVAL).orElseThrow();
    h.kustomizations.reconcile(ns, "app", Trigger.INTERVAL).orElseThrow();
    return h.client
        .resources(Kustomization.class)
        .inNamespace(ns)
        .withName("app")
        .get()
        .getStatus();
  }

  @Test
  void appliesTheArtifactAndFollowsANewPushOfTheTag(TestCluster cluster) {
    String ns = cluster.createNamespace("kocisrc");
    String first = push("one");
    h.client
        .resource(
            h.client
                .getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: cairn.dev/v1
                    kind: OCIRepository
                    metadata: {name: app, namespace: %s}
                    spec: {url: "%s", interval: 5m, insecure: true, ref: {tag: production}}
                    """
                        .formatted(ns, registry.ociUrl("manifests/app")),
                    OCIRepository.class))
        .create();
    h.client
        .resource(
            h.client
                .getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: cairn.dev/v1
                    kind: Kustomization
                    metadata: {name: app, namespace: %s}
                    spec:
                      interval: 5m
                      path: ./deploy
                      prune: true
                      targetNamespace: %s
                      sourceRef: {kind: OCIRepository, name: app}
                    """
                        .formatted(ns, ns),
                    Kustomization.class))
        .create();

    KustomizationStatus status = sync(ns);

    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(status.getLastAppliedRevision()).isEqualTo("production@" + first);
    assertThat(h.client.configMaps().inNamespace(ns).withName("settings").get().getData())
        .containsEntry("value", "one");

    String second = push("two");
    status = sync(ns);

    assertThat(status.getLastAppliedRevision()).isEqualTo("production@" + second);
    assertThat(h.client.configMaps().inNamespace(ns).withName("settings").get().getData())
        .containsEntry("value", "two");
  }
}
