package dev.cairn.controller;

import static dev.cairn.controller.GitOpsFixture.configMapYaml;
import static dev.cairn.controller.GitOpsFixture.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.source.GitRepository;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One runtime reconciling GitRepositories and Kustomizations from a real Git server: Ready, a new
 * source revision triggering its Kustomization long before the Kustomization's own interval, the
 * reconcile-request annotation, and deletion through the finalizer.
 */
@ExtendWith(ClusterExtension.class)
class CairnRuntimeIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static GitOpsFixture fixture;
  private static CairnRuntime runtime;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    fixture = GitOpsFixture.start(cluster);
    runtime = new CairnRuntime(cluster.client(), fixture.options("runtime"));
    runtime.start();
    await().atMost(WAIT).until(runtime::isReady);
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
    fixture.close();
  }

  @Test
  void newSourceRevisionTriggersTheKustomizationAtOnce(TestCluster cluster) throws Exception {
    GitOpsFixture.Repo repo = fixture.repo(cluster, "trigger");
    repo.work().write("app/a.yaml", configMapYaml("a", "one"));
    String first = repo.commit("first");
    // both intervals far longer than the test: only watches and triggers can move them
    fixture.createSource(repo, "10m");
    fixture.createKustomization(repo, "app", "10m", "./app");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Kustomization k = fixture.kustomization(repo, "app");
              assertThat(isReady(k.getStatus())).isTrue();
              assertThat(k.getStatus().getLastAppliedRevision()).isEqualTo("main@sha1:" + first);
            });
    assertThat(isReady(fixture.source(repo).getStatus())).isTrue();
    assertThat(configMap(cluster, repo, "a").getData()).containsEntry("value", "one");

    repo.work().write("app/a.yaml", configMapYaml("a", "two"));
    String second = repo.commit("second");
    fixture.requestReconcile(GitRepository.class, repo, "repo", "push-1");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(fixture.kustomization(repo, "app").getStatus().getLastAppliedRevision())
                    .isEqualTo("main@sha1:" + second));
    assertThat(configMap(cluster, repo, "a").getData()).containsEntry("value", "two");
    assertThat(fixture.source(repo).getStatus().getLastHandledReconcileAt()).isEqualTo("push-1");
  }

  /**
   * Four layers written as Flux users write them: {@code interval: 10m}, no {@code retryInterval}.
   * Each layer waits for the one before; it must run as soon as that one is Ready (the runtime
   * watches dependencies), not after the 30 s dependency requeue, so the whole chain converges in
   * well under one requeue.
   */
  @Test
  void layersWithoutRetryIntervalRunAsSoonAsTheirDependencyIsReady(TestCluster cluster)
      throws Exception {
    GitOpsFixture.Repo repo = fixture.repo(cluster, "layers");
    String[] layers = {"repositories", "controllers", "configs", "apps"};
    for (String layer : layers) {
      repo.work().write(layer + "/cm.yaml", configMapYaml(layer, layer));
    }
    String revision = repo.commit("layers");
    fixture.createSource(repo, "10m");
    // created last first, so no layer can be Ready before the one it depends on has run
    for (int i = layers.length - 1; i >= 0; i--) {
      String dependsOn = i == 0 ? "" : "  dependsOn: [{name: " + layers[i - 1] + "}]\n";
      String yaml =
          """
          apiVersion: cairn.dev/v1
          kind: Kustomization
          metadata: {name: %s, namespace: %s}
          spec:
            interval: 10m
            sourceRef: {kind: GitRepository, name: repo}
            targetNamespace: %s
            path: ./%s
            prune: true
            wait: true
          %s"""
              .formatted(layers[i], repo.ns(), repo.ns(), layers[i], dependsOn);
      cluster
          .client()
          .resource(
              cluster.client().getKubernetesSerialization().unmarshal(yaml, Kustomization.class))
          .create();
    }

    await()
        .atMost(Duration.ofSeconds(25))
        .untilAsserted(
            () -> {
              for (String layer : layers) {
                Kustomization k = fixture.kustomization(repo, layer);
                assertThat(isReady(k.getStatus())).as(layer).isTrue();
                assertThat(k.getStatus().getLastAppliedRevision())
                    .isEqualTo("main@sha1:" + revision);
              }
            });
  }

  @Test
  void aNewRevisionOfAnIncludedRepositoryRecomposesTheIncludingOne(TestCluster cluster)
      throws Exception {
    GitOpsFixture.Repo lib = fixture.repo(cluster, "included");
    lib.work().write("deploy/a.yaml", configMapYaml("a", "one"));
    String first = lib.commit("first");
    fixture.createSource(lib, "10m");
    GitOpsFixture.Repo app = fixture.repo(cluster, "including");
    app.work().write("app/b.yaml", configMapYaml("b", "one"));
    app.commit("app");
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: app, namespace: %s}
        spec:
          url: "%s"
          interval: 10m
          ref: {branch: main}
          include: [{repository: {name: repo}, fromPath: deploy, toPath: lib}]
        """
            .formatted(lib.ns(), app.url());
    cluster
        .client()
        .resource(
            cluster.client().getKubernetesSerialization().unmarshal(yaml, GitRepository.class))
        .create();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(includedRevision(cluster, lib)).isEqualTo("main@sha1:" + first));

    lib.work().write("deploy/a.yaml", configMapYaml("a", "two"));
    String second = lib.commit("second");
    fixture.requestReconcile(GitRepository.class, lib, "repo", "push-lib");

    // only the included repository was asked to reconcile; the 10m interval cannot explain this
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(includedRevision(cluster, lib)).isEqualTo("main@sha1:" + second));
  }

  private static String includedRevision(TestCluster cluster, GitOpsFixture.Repo lib) {
    GitRepository app =
        cluster.client().resources(GitRepository.class).inNamespace(lib.ns()).withName("app").get();
    if (app == null
        || app.getStatus() == null
        || app.getStatus().getIncludedArtifacts() == null
        || app.getStatus().getIncludedArtifacts().isEmpty()) {
      return null;
    }
    return app.getStatus().getIncludedArtifacts().get(0).revision();
  }

  @Test
  void reconcileRequestIsHandledAndRecorded(TestCluster cluster) throws Exception {
    GitOpsFixture.Repo repo = fixture.repo(cluster, "request");
    repo.work().write("app/a.yaml", configMapYaml("a", "one"));
    repo.commit("first");
    fixture.createSource(repo, "10m");
    fixture.createKustomization(repo, "app", "10m", "./app");
    await().atMost(WAIT).until(() -> isReady(fixture.kustomization(repo, "app").getStatus()));
    long generation = fixture.kustomization(repo, "app").getMetadata().getGeneration();

    fixture.requestReconcile(Kustomization.class, repo, "app", "2026-11-23T12:00:00Z");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        fixture.kustomization(repo, "app").getStatus().getLastHandledReconcileAt())
                    .isEqualTo("2026-11-23T12:00:00Z"));
    assertThat(fixture.kustomization(repo, "app").getMetadata().getGeneration())
        .isEqualTo(generation);
  }

  @Test
  void deletingAPruningKustomizationDeletesWhatItApplied(TestCluster cluster) throws Exception {
    GitOpsFixture.Repo repo = fixture.repo(cluster, "delete");
    repo.work().write("app/a.yaml", configMapYaml("a", "one"));
    repo.commit("first");
    fixture.createSource(repo, "10m");
    fixture.createKustomization(repo, "app", "10m", "./app");
    await().atMost(WAIT).until(() -> isReady(fixture.kustomization(repo, "app").getStatus()));
    assertThat(fixture.kustomization(repo, "app").getMetadata().getFinalizers())
        .contains("cairn.dev/finalizer");
    assertThat(configMap(cluster, repo, "a")).isNotNull();

    cluster.client().resources(Kustomization.class).inNamespace(repo.ns()).withName("app").delete();

    // the SDK hands the deleted object to the engine, which prunes, then releases the finalizer
    await().atMost(WAIT).until(() -> fixture.kustomization(repo, "app") == null);
    assertThat(configMap(cluster, repo, "a")).isNull();
  }

  private static ConfigMap configMap(TestCluster cluster, GitOpsFixture.Repo repo, String name) {
    return cluster.client().configMaps().inNamespace(repo.ns()).withName(name).get();
  }
}
