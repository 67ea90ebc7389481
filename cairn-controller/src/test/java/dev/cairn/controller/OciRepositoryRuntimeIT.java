package dev.cairn.controller;

import static dev.cairn.controller.GitOpsFixture.configMapYaml;
import static dev.cairn.controller.GitOpsFixture.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.source.OCIRepository;
import dev.cairn.source.artifact.TarballWriter;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.registry.OciArtifactPusher;
import dev.cairn.testkit.registry.OciRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runtime reconciles OCIRepositories, and a Kustomization whose source is one follows a new
 * revision at once through the source watch, long before its own interval.
 */
@ExtendWith(ClusterExtension.class)
class OciRepositoryRuntimeIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static GitOpsFixture fixture;
  private static OciRegistry registry;
  private static CairnRuntime runtime;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    fixture = GitOpsFixture.start(cluster);
    registry = OciRegistry.start(fixture.temp.resolve("registry"));
    runtime = new CairnRuntime(cluster.client(), fixture.options("oci"));
    runtime.start();
    await().atMost(WAIT).until(runtime::isReady);
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
    if (registry != null) {
      registry.close();
    }
    fixture.close();
  }

  private static String push(String value) throws IOException {
    ByteArrayOutputStream layer = new ByteArrayOutputStream();
    try (TarballWriter writer = new TarballWriter(layer)) {
      writer.addFile(
          "app/a.yaml", configMapYaml("a", value).getBytes(StandardCharsets.UTF_8), false);
    }
    return new OciArtifactPusher(registry.host())
        .pushFluxArtifact(
            "deploy/app", "live", layer.toByteArray(), "https://example.com/app", value);
  }

  @Test
  void aNewPushReachesTheKustomizationThroughTheSourceWatch(TestCluster cluster) throws Exception {
    var client = cluster.client();
    String ns = cluster.createNamespace("ocirt");
    String first = push("one");
    client
        .resource(
            client
                .getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: cairn.dev/v1
                    kind: OCIRepository
                    metadata: {name: app, namespace: %s}
                    spec: {url: "%s", interval: 10m, insecure: true, ref: {tag: live}}
                    """
                        .formatted(ns, registry.ociUrl("deploy/app")),
                    OCIRepository.class))
        .create();
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
                      sourceRef: {kind: OCIRepository, name: app}
                      targetNamespace: %s
                      path: ./app
                      prune: true
                    """
                        .formatted(ns, ns),
                    Kustomization.class))
        .create();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Kustomization k =
                  client.resources(Kustomization.class).inNamespace(ns).withName("app").get();
              assertThat(isReady(k.getStatus())).isTrue();
              assertThat(k.getStatus().getLastAppliedRevision()).isEqualTo("live@" + first);
            });

    String second = push("two");
    client
        .resources(OCIRepository.class)
        .inNamespace(ns)
        .withName("app")
        .edit(
            o -> {
              var annotations = new HashMap<String, String>();
              if (o.getMetadata().getAnnotations() != null) {
                annotations.putAll(o.getMetadata().getAnnotations());
              }
              annotations.put("reconcile.cairn.dev/requestedAt", "push-2");
              o.getMetadata().setAnnotations(annotations);
              return o;
            });

    // the status is written once the run ends, after the apply: wait for both
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(client.configMaps().inNamespace(ns).withName("a").get().getData())
                  .containsEntry("value", "two");
              assertThat(
                      client
                          .resources(Kustomization.class)
                          .inNamespace(ns)
                          .withName("app")
                          .get()
                          .getStatus()
                          .getLastAppliedRevision())
                  .isEqualTo("live@" + second);
            });
  }
}
