package dev.cairn.engine.kustomize;

import static dev.cairn.engine.kustomize.Harness.configMapYaml;
import static dev.cairn.engine.kustomize.Harness.deploymentYaml;
import static dev.cairn.engine.kustomize.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.InventoryEntry;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.Trigger;
import dev.cairn.sim.cluster.RequestCounter;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kustomizations applying commits pushed by the git CLI to a real smart-HTTP Git server, against
 * the simulated cluster: apply, prune, broken commits and recovery, health checks, steady state.
 */
@ExtendWith(ClusterExtension.class)
class KustomizationReconcilerIT {
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
  void appliesCommitsAndPrunesDeletedFiles(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "apply");
    f.work().write("app/a.yaml", configMapYaml("a", "one"));
    f.work().write("app/b.yaml", configMapYaml("b", "one"));
    String first = f.commit("first");
    h.createSource(f);
    h.createKustomization(f, "app", "path: ./app\nprune: true\n");

    KustomizationStatus status = h.sync(f, "app");

    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(ready(status).getReason()).isEqualTo("ReconciliationSucceeded");
    assertThat(ready(status).getMessage()).isEqualTo("Applied revision: main@sha1:" + first);
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + first);
    assertThat(status.getLastAppliedOriginRevision())
        .as("Git artifacts carry no origin revision")
        .isNull();
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getInventory().entries())
        .extracting(InventoryEntry::id)
        .containsExactly(f.ns() + "_a__ConfigMap", f.ns() + "_b__ConfigMap");
    assertThat(h.configMap(f, "a").getMetadata().getLabels())
        .containsEntry("cairn.dev/name", "app")
        .containsEntry("cairn.dev/namespace", f.ns());
    assertThat(status.getHistory()).hasSize(1);
    assertThat(status.getHistory().get(0).metadata())
        .containsEntry("revision", "main@sha1:" + first);

    f.work().write("app/a.yaml", configMapYaml("a", "two"));
    String second = f.commit("second");
    status = h.sync(f, "app");
    assertThat(h.configMap(f, "a").getData()).containsEntry("value", "two");
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + second);
    assertThat(status.getHistory()).hasSize(2);
    List<Event> events = h.client.v1().events().inNamespace(f.ns()).list().getItems();
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.getMessage()).isEqualTo("ConfigMap/" + f.ns() + "/a configured");
              assertThat(e.getMetadata().getAnnotations())
                  .containsEntry(EventRecorder.REVISION_ANNOTATION, "main@sha1:" + second);
            });

    f.work().delete("app/b.yaml");
    f.commit("third");
    status = h.sync(f, "app");
    assertThat(h.configMap(f, "b")).isNull();
    assertThat(h.configMap(f, "a")).isNotNull();
    assertThat(status.getInventory().entries())
        .extracting(InventoryEntry::id)
        .containsExactly(f.ns() + "_a__ConfigMap");
  }

  @Test
  void brokenCommitsKeepThePreviousObjectsUntilAGoodOne(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "broken");
    f.work().write("app/a.yaml", configMapYaml("a", "${greeting}"));
    f.work().write("app/web.yaml", deploymentYaml("v1"));
    String good = f.commit("good");
    h.createSource(f);
    h.createKustomization(
        f,
        "app",
        "path: ./app\nprune: true\nwait: true\ntimeout: 20s\n"
            + "postBuild: {substitute: {greeting: hello}}\n");
    KustomizationStatus status = h.sync(f, "app");
    assertThat(ready(status).getStatus()).isEqualTo("True");
    List<InventoryEntry> goodInventory = status.getInventory().entries();
    assertThat(goodInventory).hasSize(2);

    // 1. bad YAML
    f.work().write("app/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n");
    String bad = f.commit("bad yaml");
    status = h.sync(f, "app");
    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getReason()).isEqualTo("BuildFailed");
    assertThat(ready(status).getMessage()).contains("a.yaml");
    assertThat(status.getLastAttemptedRevision()).isEqualTo("main@sha1:" + bad);
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + good);
    assertThat(status.getInventory().entries()).isEqualTo(goodInventory);
    assertThat(h.configMap(f, "a").getData()).containsEntry("value", "hello");

    // 2. a variable that is not set
    f.work().write("app/a.yaml", configMapYaml("a", "${missing_variable}"));
    f.commit("missing variable");
    status = h.sync(f, "app");
    assertThat(ready(status).getReason()).isEqualTo("BuildFailed");
    assertThat(ready(status).getMessage()).contains("missing_variable");
    assertThat(status.getInventory().entries()).isEqualTo(goodInventory);
    assertThat(h.configMap(f, "a").getData()).containsEntry("value", "hello");

    // 3. a Deployment that never becomes healthy
    cluster.readiness().keepFailing("Deployment", f.ns(), "web");
    f.work().write("app/a.yaml", configMapYaml("a", "${greeting}"));
    f.work().write("app/web.yaml", deploymentYaml("v2"));
    f.commit("failing rollout");
    status = h.sync(f, "app");
    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getReason()).isEqualTo("HealthCheckFailed");
    assertThat(ready(status).getMessage()).contains("Deployment/" + f.ns() + "/web");
    assertThat(status.getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Healthy");
              assertThat(c.getStatus()).isEqualTo("False");
            });
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + good);
    assertThat(status.getInventory().entries()).isEqualTo(goodInventory);
    assertThat(h.configMap(f, "a")).isNotNull();

    // 4. recovery
    cluster.readiness().stopFailing("Deployment", f.ns(), "web");
    f.work().write("app/web.yaml", deploymentYaml("v3"));
    String fixed = f.commit("fixed");
    status = h.sync(f, "app");
    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + fixed);
    assertThat(status.getConditions())
        .noneSatisfy(c -> assertThat(c.getType()).isEqualTo("Reconciling"));
    List<Event> warnings =
        h.client.v1().events().inNamespace(f.ns()).list().getItems().stream()
            .filter(e -> "Warning".equals(e.getType()))
            .toList();
    assertThat(warnings)
        .extracting(Event::getReason)
        .containsExactlyInAnyOrder("BuildFailed", "BuildFailed", "HealthCheckFailed");
  }

  @Test
  void aWorkloadThatNeverBecomesReadyTimesTheHealthCheckOut(TestCluster cluster) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        cluster.isSimulated(), "the readiness annotation exists only in the simulated cluster");
    Harness.Fixture f = h.fixture(cluster, "never-ready");
    f.work()
        .write(
            "app/web.yaml",
            deploymentYaml("v1")
                .replace(
                    "annotations: {note: \"v1\"}",
                    "annotations: {note: \"v1\", \"sim.cairn.dev/readiness\": progressing}"));
    f.commit("a rollout that never finishes");
    h.createSource(f);
    h.createKustomization(f, "app", "path: ./app\nprune: true\nwait: true\ntimeout: 2s\n");

    KustomizationStatus status = h.sync(f, "app");

    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getReason()).isEqualTo("HealthCheckFailed");
    assertThat(ready(status).getMessage()).contains("Deployment/" + f.ns() + "/web");
    io.fabric8.kubernetes.api.model.apps.Deployment web =
        cluster.client().apps().deployments().inNamespace(f.ns()).withName("web").get();
    assertThat(web.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Progressing");
              assertThat(c.getStatus()).isEqualTo("True");
            });
  }

  @Test
  void steadyStateWritesNothing(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "steady");
    f.work().write("app/a.yaml", configMapYaml("a", "one"));
    f.work().write("app/web.yaml", deploymentYaml("v1"));
    // what the API server rewrites or completes: defaults (Service clusterIP, targetPort, protocol;
    // Deployment strategy, container policies), quantities (0.5 -> 500m, 1024Mi -> 1Gi) and a
    // claim the volume binder binds (spec.volumeName, status)
    f.work()
        .write(
            "app/rewritten.yaml",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: sized}
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1024Mi}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: sized}
            spec:
              selector: {matchLabels: {app: sized}}
              template:
                metadata: {labels: {app: sized}}
                spec:
                  containers:
                  - name: app
                    image: example/sized:1
                    ports: [{containerPort: 8080}]
                    resources:
                      requests: {cpu: 0.5, memory: 1024Mi}
                      limits: {cpu: "1", memory: 2Gi}
            """);
    f.commit("first");
    h.createSource(f);
    h.createKustomization(f, "app", "path: ./app\nprune: true\nwait: true\n");
    assertThat(ready(h.sync(f, "app")).getStatus()).isEqualTo("True");
    h.sources.reconcile(f.ns(), "repo", Trigger.INTERVAL);
    RequestCounter requests = cluster.requests();
    requests.reset();

    h.kustomizations.reconcile(f.ns(), "app", Trigger.INTERVAL).orElseThrow();

    Map<String, Long> writes = new java.util.TreeMap<>(requests.snapshot());
    writes
        .keySet()
        .removeIf(k -> k.startsWith("get ") || k.startsWith("list ") || k.startsWith("watch "));
    assertThat(writes).isEmpty();
    assertThat(ready(h.live(f, "app").getStatus()).getStatus()).isEqualTo("True");
  }

  @Test
  void aFirstRunThatWaitsWritesTheKustomizationThreeTimes(TestCluster cluster) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        cluster.isSimulated(), "holding a workload unready needs the simulated cluster");
    Harness.Fixture f = h.fixture(cluster, "first-run");
    f.work().write("app/a.yaml", configMapYaml("a", "one"));
    f.work().write("app/web.yaml", deploymentYaml("v1"));
    String first = f.commit("first");
    h.createSource(f);
    h.createKustomization(f, "app", "path: ./app\nprune: true\nwait: true\ntimeout: 2m\n");
    h.sources.reconcile(f.ns(), "repo", Trigger.INTERVAL).orElseThrow();
    cluster.readiness().keepProgressing("Deployment", f.ns(), "web");
    RequestCounter requests = cluster.requests();
    requests.reset();

    Map<String, Long> kustomizationRequests = new java.util.TreeMap<>();
    // watched, not polled: the test's own reads stay out of the count
    CompletableFuture<Kustomization> shown = new CompletableFuture<>();
    try (Watch watch =
        h.client
            .resources(Kustomization.class)
            .inNamespace(f.ns())
            .withName("app")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Kustomization k) {
                    if (k.getStatus() != null && reconciling(k.getStatus()) != null) {
                      shown.complete(k);
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {
                    shown.completeExceptionally(cause);
                  }
                })) {
      CompletableFuture<?> run =
          CompletableFuture.runAsync(
              () -> h.kustomizations.reconcile(f.ns(), "app", Trigger.INTERVAL).orElseThrow());
      // while the run waits for the Deployment: Reconciling=True, and the inventory already names
      // the objects the apply created
      Kustomization waiting = shown.get(30, TimeUnit.SECONDS);
      cluster.readiness().stopFailing("Deployment", f.ns(), "web");
      run.get(60, TimeUnit.SECONDS);
      kustomizationRequests.putAll(requests.snapshot());
      Condition reconciling = reconciling(waiting.getStatus());
      assertThat(reconciling.getStatus()).isEqualTo("True");
      assertThat(reconciling.getReason()).isEqualTo("Progressing");
      assertThat(reconciling.getMessage())
          .isEqualTo("Reconciliation in progress for revision main@sha1:" + first);
      assertThat(waiting.getStatus().getInventory().entries())
          .extracting(InventoryEntry::id)
          .contains(f.ns() + "_web_apps_Deployment");
    }

    KustomizationStatus status = h.live(f, "app").getStatus();
    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(status.getConditions())
        .noneSatisfy(c -> assertThat(c.getType()).isEqualTo("Reconciling"));
    kustomizationRequests
        .keySet()
        .removeIf(
            k ->
                !k.contains(" kustomizations.cairn.dev")
                    || k.startsWith("list ")
                    || k.startsWith("watch "));
    assertThat(kustomizationRequests)
        .as(
            "the harness's own read; the finalizer; the inventory checkpoint with Reconciling=True;"
                + " the final status")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "get kustomizations.cairn.dev", 1L,
                "patch kustomizations.cairn.dev", 1L,
                "patch kustomizations.cairn.dev/status", 2L));
  }

  @Test
  void healthChecksAndCelExpressionsGateReadiness(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "health");
    f.work().write("app/web.yaml", deploymentYaml("v1"));
    f.work().write("app/flag.yaml", configMapYaml("flag", "ok"));
    f.commit("first");
    h.createSource(f);
    h.createKustomization(
        f,
        "app",
        """
        path: ./app
        prune: true
        timeout: 20s
        healthChecks:
        - {apiVersion: apps/v1, kind: Deployment, name: web}
        - {apiVersion: v1, kind: ConfigMap, name: flag}
        healthCheckExprs:
        - apiVersion: v1
          kind: ConfigMap
          current: "self.data.value == 'ok'"
          failed: "self.data.value == 'bad'"
        """);

    KustomizationStatus status = h.sync(f, "app");
    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(status.getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Healthy");
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getMessage()).startsWith("Health check passed in ");
            });

    f.work().write("app/flag.yaml", configMapYaml("flag", "bad"));
    f.commit("bad flag");
    status = h.sync(f, "app");
    assertThat(ready(status).getReason()).isEqualTo("HealthCheckFailed");
    assertThat(ready(status).getMessage()).contains("ConfigMap/" + f.ns() + "/flag");
  }

  private static Condition reconciling(KustomizationStatus status) {
    return status.getConditions() == null
        ? null
        : status.getConditions().stream()
            .filter(c -> "Reconciling".equals(c.getType()))
            .findFirst()
            .orElse(null);
  }
}
