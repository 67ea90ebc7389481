package dev.cairn.engine.kustomize;

import static dev.cairn.engine.kustomize.Harness.configMapYaml;
import static dev.cairn.engine.kustomize.Harness.ready;
import static dev.cairn.engine.kustomize.Harness.statefulSetYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.engine.AwaitArtifactStep;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.SettableClock;
import dev.cairn.engine.Trigger;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A newer revision during a health wait, a replica that runs before it has the source's artifact,
 * and deleting a Kustomization (finalizer, GC).
 */
@ExtendWith(ClusterExtension.class)
class KustomizationLifecycleIT {
  private static Harness h;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = Harness.start(cluster);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void aNewerRevisionCancelsAHealthWait(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "supersede");
    cluster.readiness().keepFailing("StatefulSet", f.ns(), "stuck");
    f.work().write("app/stuck.yaml", statefulSetYaml("stuck"));
    String first = f.commit("never ready");
    h.createSource(f);
    h.createKustomization(f, "app", "path: ./app\nprune: true\nwait: true\ntimeout: 10m\n");
    h.sources.reconcile(f.ns(), "repo", Trigger.INTERVAL).orElseThrow();

    CompletableFuture<ReconcileResult<KustomizationStatus>> waiting =
        CompletableFuture.supplyAsync(
            () -> h.kustomizations.reconcile(f.ns(), "app", Trigger.INTERVAL).orElseThrow());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                h.client.apps().statefulSets().inNamespace(f.ns()).withName("stuck").get() != null);
    assertThat(waiting).isNotDone();

    f.work().delete("app/stuck.yaml");
    f.work().write("app/fixed.yaml", statefulSetYaml("fixed"));
    String second = f.commit("fixed");
    h.sources.reconcile(f.ns(), "repo", Trigger.INTERVAL).orElseThrow();

    ReconcileResult<KustomizationStatus> ended = waiting.get(30, TimeUnit.SECONDS);
    assertThat(ended.requeueAfter()).isEqualTo(Duration.ZERO);
    KustomizationStatus status = h.live(f, "app").getStatus();
    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getReason()).isEqualTo("HealthCheckCanceled");
    assertThat(ready(status).getMessage())
        .contains("main@sha1:" + first)
        .contains("superseded by revision main@sha1:" + second);
    assertThat(status.getLastAppliedRevision()).isNull();

    h.kustomizations.reconcile(f.ns(), "app", Trigger.INTERVAL).orElseThrow();
    status = h.live(f, "app").getStatus();
    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + second);
    assertThat(h.client.apps().statefulSets().inNamespace(f.ns()).withName("stuck").get()).isNull();
    assertThat(h.client.apps().statefulSets().inNamespace(f.ns()).withName("fixed").get())
        .isNotNull();
  }

  @Test
  void aSourceWhoseFetchFailsKeepsItsDependentsApplyingTheLastArtifact(TestCluster cluster)
      throws Exception {
    Harness.Fixture f = h.fixture(cluster, "lastgood");
    String sha = applyOneConfigMap(f, "prune: true");

    h.client
        .resources(GitRepository.class)
        .inNamespace(f.ns())
        .withName("repo")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"url\":\"" + f.url() + "-moved\"}}");
    h.sources.reconcile(f.ns(), "repo", Trigger.WATCH).orElseThrow();
    GitRepositoryStatus source =
        h.client
            .resources(GitRepository.class)
            .inNamespace(f.ns())
            .withName("repo")
            .get()
            .getStatus();
    assertThat(ready(source).getStatus()).isEqualTo("False");
    assertThat(source.getArtifact().revision()).isEqualTo("main@sha1:" + sha);
    h.client
        .configMaps()
        .inNamespace(f.ns())
        .withName("a")
        .edit(
            cm -> {
              cm.getData().put("value", "edited by hand");
              return cm;
            });

    KustomizationStatus status = h.sync(f, "app");

    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + sha);
    assertThat(h.configMap(f, "a").getData()).containsEntry("value", "one");
  }

  @Test
  void aReplicaWithoutTheArtifactWaitsForItsOwnFetchAndWritesNothing(TestCluster cluster)
      throws Exception {
    Harness.Fixture f = h.fixture(cluster, "takeover");
    String sha = applyOneConfigMap(f, "prune: true");
    String version = h.live(f, "app").getMetadata().getResourceVersion();

    Harness.Replica next = h.replica("store-takeover", "cache-takeover", Clock.systemUTC());
    try {
      ReconcileResult<KustomizationStatus> deferred =
          next.kustomizations().reconcile(f.ns(), "app", Trigger.INTERVAL).orElseThrow();
      assertThat(deferred.patchStatus()).isFalse();
      assertThat(deferred.requeueAfter()).isEqualTo(AwaitArtifactStep.RECHECK);
      assertThat(h.live(f, "app").getMetadata().getResourceVersion()).isEqualTo(version);

      next.sources().reconcile(f.ns(), "repo", Trigger.INTERVAL).orElseThrow();
      ReconcileResult<KustomizationStatus> ran =
          next.kustomizations().reconcile(f.ns(), "app", Trigger.INTERVAL).orElseThrow();

      assertThat(ran.patchStatus()).isTrue();
      assertThat(ready(ran.status()).getStatus()).isEqualTo("True");
      assertThat(ran.status().getLastAppliedRevision()).isEqualTo("main@sha1:" + sha);
      assertThat(h.live(f, "app").getMetadata().getResourceVersion())
          .as("an unchanged outcome on the new replica writes no status")
          .isEqualTo(version);
    } finally {
      next.kustomizations().close();
    }
  }

  @Test
  void anArtifactThatNeverArrivesFailsTheRunAfterTheGrace(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "never");
    String sha = applyOneConfigMap(f, "prune: false");

    SettableClock clock = new SettableClock(Instant.now());
    Harness.Replica next = h.replica("store-never", "cache-never", clock);
    try {
      assertThat(
              next.kustomizations()
                  .reconcile(f.ns(), "app", Trigger.INTERVAL)
                  .orElseThrow()
                  .patchStatus())
          .isFalse();
      clock.advance(AwaitArtifactStep.GRACE);

      ReconcileResult<KustomizationStatus> failed =
          next.kustomizations().reconcile(f.ns(), "app", Trigger.INTERVAL).orElseThrow();

      assertThat(failed.patchStatus()).isTrue();
      KustomizationStatus status = h.live(f, "app").getStatus();
      assertThat(ready(status).getStatus()).isEqualTo("False");
      assertThat(ready(status).getReason()).isEqualTo("ArtifactFailed");
      assertThat(ready(status).getMessage())
          .contains("artifact main@sha1:" + sha + " of GitRepository/" + f.ns() + "/repo")
          .contains("is not in this controller's storage");
      assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + sha);
      assertThat(h.configMap(f, "a")).isNotNull();
    } finally {
      next.kustomizations().close();
    }
  }

  /** ConfigMap {@code a} committed, its source and Kustomization {@code app} Ready; the sha. */
  private static String applyOneConfigMap(Harness.Fixture f, String prune) {
    f.work().write("app/a.yaml", configMapYaml("a", "one"));
    String sha = f.commit("first");
    h.createSource(f);
    h.createKustomization(f, "app", "path: ./app\n" + prune + "\n");
    assertThat(ready(h.sync(f, "app")).getStatus()).isEqualTo("True");
    return sha;
  }

  @Test
  void deletingAPruningKustomizationDeletesItsObjects(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "delete");
    f.work().write("app/a.yaml", configMapYaml("a", "one"));
    f.work()
        .write(
            "app/kept.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: kept, annotations: {cairn.dev/prune: disabled}}
            data: {value: "x"}
            """);
    f.commit("first");
    h.createSource(f);
    h.createKustomization(f, "app", "path: ./app\nprune: true\n");
    assertThat(ready(h.sync(f, "app")).getStatus()).isEqualTo("True");
    assertThat(h.live(f, "app").getMetadata().getFinalizers())
        .containsExactly("cairn.dev/finalizer");

    h.client.resource(h.live(f, "app")).delete();
    assertThat(h.live(f, "app").getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(h.configMap(f, "a")).isNotNull();

    assertThat(h.kustomizations.reconcile(f.ns(), "app", Trigger.INTERVAL)).isPresent();

    assertThat(h.configMap(f, "a")).isNull();
    assertThat(h.configMap(f, "kept")).isNotNull();
    await().atMost(Duration.ofSeconds(10)).until(() -> h.live(f, "app") == null);
    assertThat(h.kustomizations.reconcile(f.ns(), "app", Trigger.INTERVAL)).isEmpty();
  }

  @Test
  void suspendedOrOrphaningKustomizationsAreOnlyReleased(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "release");
    f.work().write("suspended/a.yaml", configMapYaml("from-suspended", "one"));
    f.work().write("orphan/a.yaml", configMapYaml("from-orphan", "one"));
    f.commit("first");
    h.createSource(f);
    h.createKustomization(f, "suspended", "path: ./suspended\nprune: true\n");
    h.createKustomization(f, "orphan", "path: ./orphan\nprune: true\ndeletionPolicy: Orphan\n");
    assertThat(ready(h.sync(f, "suspended")).getStatus()).isEqualTo("True");
    assertThat(ready(h.sync(f, "orphan")).getStatus()).isEqualTo("True");
    h.client
        .resources(Kustomization.class)
        .inNamespace(f.ns())
        .withName("suspended")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":true}}");
    assertThat(h.live(f, "suspended").getSpec().suspended()).isTrue();

    for (String name : new String[] {"suspended", "orphan"}) {
      h.client.resource(h.live(f, name)).delete();
      h.kustomizations.reconcile(f.ns(), name, Trigger.INTERVAL).orElseThrow();
      await().atMost(Duration.ofSeconds(10)).until(() -> h.live(f, name) == null);
    }

    assertThat(h.configMap(f, "from-suspended")).isNotNull();
    assertThat(h.configMap(f, "from-orphan")).isNotNull();
  }

  @Test
  void waitForTerminationHoldsTheFinalizerUntilTheObjectsAreGone(TestCluster cluster)
      throws Exception {
    Harness.Fixture f = h.fixture(cluster, "terminate");
    f.work()
        .write(
            "app/held.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: held, finalizers: [example.com/hold]}
            data: {value: "x"}
            """);
    f.commit("first");
    h.createSource(f);
    h.createKustomization(
        f, "app", "path: ./app\nprune: true\ndeletionPolicy: WaitForTermination\ntimeout: 5m\n");
    assertThat(ready(h.sync(f, "app")).getStatus()).isEqualTo("True");

    h.client.resource(h.live(f, "app")).delete();
    CompletableFuture<?> deletion =
        CompletableFuture.runAsync(
            () -> h.kustomizations.reconcile(f.ns(), "app", Trigger.INTERVAL));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> h.configMap(f, "held").getMetadata().getDeletionTimestamp() != null);

    // the run keeps waiting while the ConfigMap lingers (timeout 5m), and keeps the finalizer
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> !deletion.isDone() && h.live(f, "app") != null);
    assertThat(h.live(f, "app").getMetadata().getFinalizers()).contains("cairn.dev/finalizer");

    h.client
        .configMaps()
        .inNamespace(f.ns())
        .withName("held")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
    deletion.get(30, TimeUnit.SECONDS);
    assertThat(h.configMap(f, "held")).isNull();
    await().atMost(Duration.ofSeconds(10)).until(() -> h.live(f, "app") == null);
  }

  @Test
  void waitForTerminationReleasesTheKustomizationAfterItsTimeout(TestCluster cluster)
      throws Exception {
    Harness.Fixture f = h.fixture(cluster, "terminate-late");
    f.work()
        .write(
            "app/stuck.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: stuck, finalizers: [example.com/hold]}
            data: {value: "x"}
            """);
    f.commit("first");
    h.createSource(f);
    h.createKustomization(
        f, "app", "path: ./app\nprune: true\ndeletionPolicy: WaitForTermination\ntimeout: 1s\n");
    assertThat(ready(h.sync(f, "app")).getStatus()).isEqualTo("True");

    h.client.resource(h.live(f, "app")).delete();
    h.kustomizations.reconcile(f.ns(), "app", Trigger.INTERVAL).orElseThrow();

    await().atMost(Duration.ofSeconds(10)).until(() -> h.live(f, "app") == null);
    assertThat(h.configMap(f, "stuck").getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(h.client.v1().events().inNamespace(f.ns()).list().getItems())
        .anySatisfy(
            event -> {
              assertThat(event.getType()).isEqualTo("Warning");
              assertThat(event.getMessage())
                  .startsWith("failed to wait for resources termination within 1s: ")
                  .contains("ConfigMap")
                  .contains("stuck");
            });
  }
}
