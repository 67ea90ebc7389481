package dev.cairn.controller;

import static dev.cairn.controller.GitOpsFixture.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.sim.cluster.RequestCounter;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fifty Kustomizations of three objects each, reconciled again and again on a short interval with
 * nothing changed in Git: after the first round, the runtime reads the objects it manages from its
 * watches, so steady rounds make no request per managed object and no write at all.
 */
@ExtendWith(ClusterExtension.class)
class SteadyStateRequestsIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int APPS = 50;
  private static GitOpsFixture fixture;
  private static CairnRuntime runtime;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    fixture = GitOpsFixture.start(cluster);
    runtime = new CairnRuntime(cluster.client(), fixture.options("steady"));
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
  void steadyRoundsReadNoManagedObjectAndWriteNothing(TestCluster cluster) throws Exception {
    GitOpsFixture.Repo repo = fixture.repo(cluster, "steady");
    for (int i = 0; i < APPS; i++) {
      repo.work().write("apps/app-" + i + "/objects.yaml", objects("app-" + i));
    }
    repo.commit("fifty apps");
    fixture.createSource(repo, "10m");
    for (int i = 0; i < APPS; i++) {
      fixture.createKustomization(repo, "app-" + i, "2s", "./apps/app-" + i);
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                cluster
                        .client()
                        .resources(Kustomization.class)
                        .inNamespace(repo.ns())
                        .list()
                        .getItems()
                        .stream()
                        .filter(k -> isReady(k.getStatus()))
                        .count()
                    == APPS);
    // every Kustomization has run once more after all were Ready: their objects are watched now
    long afterReady = kustomizationRuns();
    await().atMost(WAIT).until(() -> kustomizationRuns() >= afterReady + APPS);

    RequestCounter requests = cluster.requests();
    requests.reset();
    long before = kustomizationRuns();
    await().atMost(WAIT).until(() -> kustomizationRuns() >= before + 2L * APPS);
    Map<String, Long> counted = new TreeMap<>(requests.snapshot());

    Map<String, Long> objectReads = new TreeMap<>(counted);
    objectReads.keySet().removeIf(k -> !k.startsWith("get ") || k.contains("cairn.dev"));
    Map<String, Long> writes = new TreeMap<>(counted);
    writes
        .keySet()
        .removeIf(k -> k.startsWith("get ") || k.startsWith("list ") || k.startsWith("watch "));
    assertThat(objectReads).as("GETs of managed objects in steady rounds").isEmpty();
    assertThat(writes).as("writes in steady rounds").isEmpty();
    assertThat(counted)
        .as("each run reads its GitRepository from the runtime's watch of it")
        .doesNotContainKey("get gitrepositories.cairn.dev");
  }

  private static long kustomizationRuns() {
    return runtime
        .meterRegistry()
        .find(ReconcileMetrics.DURATION)
        .tag("kind", "Kustomization")
        .timers()
        .stream()
        .mapToLong(Timer::count)
        .sum();
  }

  private static String objects(String name) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %1$s}
        data: {value: "one"}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              containers:
              - name: web
                image: ghcr.io/stefanprodan/podinfo:6.7.0
                resources: {requests: {cpu: 100m, memory: 64Mi}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: %1$s}
        spec:
          selector: {app: %1$s}
          ports:
          - port: 80
            targetPort: 9898
        """
        .formatted(name);
  }
}
