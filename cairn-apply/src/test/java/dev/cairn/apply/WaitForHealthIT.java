package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.health.HealthStatus;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import dev.cairn.testkit.cluster.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Waiting for health, with the simulated cluster's readiness simulator playing controllers. */
class WaitForHealthIT {
  private static TestCluster cluster;
  private static ResourceManager manager;

  @BeforeAll
  static void start() {
    cluster = TestCluster.forClass();
    manager = new ResourceManager(new Fabric8ClusterClient(cluster.client()));
  }

  @AfterAll
  static void stop() {
    manager.close();
    cluster.close();
  }

  private static ObjectId deploy(String name, int replicas) {
    KubeObject deployment = Manifests.one(Manifests.deployment("default", name, replicas));
    manager.apply(List.of(deployment), ApplyOptions.defaults());
    return deployment.id();
  }

  @Test
  void healthyWhenTheWorkloadsBecomeReady() {
    ObjectId web = deploy("healthy-web", 3);
    ObjectId settings = Manifests.one(Manifests.configMap("default", "plain", "1")).id();
    manager.apply(
        List.of(Manifests.one(Manifests.configMap("default", "plain", "1"))),
        ApplyOptions.defaults());

    WaitResult result = manager.waitForHealth(Set.of(web, settings), Duration.ofSeconds(30));

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.HEALTHY);
    assertThat(result.notReady()).isEmpty();
    assertThat(result.message()).isEmpty();
  }

  @Test
  void failsAsSoonAsOneWorkloadFails() {
    cluster.readiness().keepFailing("Deployment", "default", "broken-web");
    ObjectId broken = deploy("broken-web", 2);

    WaitResult result = manager.waitForHealth(Set.of(broken), Duration.ofSeconds(30));

    assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.FAILED);
    assertThat(result.notReady())
        .singleElement()
        .satisfies(h -> assertThat(h.health().status()).isEqualTo(HealthStatus.FAILED));
    assertThat(result.message())
        .contains("Deployment/default/broken-web")
        .contains("has timed out progressing");
  }

  @Test
  void timesOutNamingTheObjectAndWhy() {
    cluster.readiness().setDelay(Duration.ofHours(1));
    try {
      ObjectId slow = deploy("slow-web", 3);

      WaitResult result = manager.waitForHealth(Set.of(slow), Duration.ofMillis(700));

      assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
      assertThat(result.message())
          .startsWith("timed out after")
          .contains("Deployment/default/slow-web: ")
          .contains("replicas");
    } finally {
      cluster.readiness().setDelay(Duration.ofMillis(200));
    }
  }

  @Test
  void aCancellationHookEndsTheWaitBeforeTheTimeout() {
    cluster.readiness().setDelay(Duration.ofHours(1));
    try {
      ObjectId slow = deploy("cancelled-web", 1);
      AtomicInteger asked = new AtomicInteger();

      WaitResult result =
          manager.waitForHealth(
              Set.of(slow), Duration.ofHours(1), () -> asked.incrementAndGet() > 2);

      assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.CANCELLED);
      assertThat(asked.get()).isEqualTo(3);
      assertThat(result.message()).contains("Deployment/default/cancelled-web");
    } finally {
      cluster.readiness().setDelay(Duration.ofMillis(200));
    }
  }

  @Test
  void aMissingObjectIsNotHealthy() {
    ObjectId missing = Manifests.one(Manifests.configMap("default", "never-made", "1")).id();

    WaitResult result = manager.waitForHealth(Set.of(missing), Duration.ofMillis(300));

    assertThat(result.healthy()).isFalse();
    assertThat(result.message()).contains("ConfigMap/default/never-made: object not found");
  }
}
