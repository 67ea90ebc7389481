package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import dev.cairn.sim.cluster.RequestCounter.Verb;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The watch-backed reads across an API-server restart: while the watches are down the reads go to
 * the server, so a change made meanwhile is never hidden by the cache; once the informers have
 * listed again after their 410 Gone, reads come from the watches again and hold that change.
 */
@ExtendWith(ClusterExtension.class)
class WatchedClusterClientRestartIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String OWNER = "cairn.dev/name";
  private KubernetesClient client;
  private SimulatedCluster simulated;
  private TestCluster cluster;
  private WatchedClusterClient watched;
  private String ns;

  @BeforeEach
  void start(TestCluster cluster) {
    Assumptions.assumeTrue(cluster.isSimulated(), "restarts only the simulated API server");
    this.cluster = cluster;
    client = cluster.client();
    simulated = cluster.simulated().orElseThrow();
    ns = cluster.createNamespace("watched");
    watched = new WatchedClusterClient(client, new Fabric8ClusterClient(client), List.of(OWNER));
  }

  @AfterEach
  void close() {
    if (watched != null) {
      watched.close();
    }
  }

  @Test
  void aChangeMadeAfterARestartIsReadFromTheServerUntilTheWatchHasListedAgain() {
    KubeObject applied = watched.apply(owned("app", "one"), "cairn", false);
    ObjectId id = applied.id();
    awaitServedFromWatch(id, "one");

    simulated.restart();
    client
        .configMaps()
        .inNamespace(ns)
        .withName("app")
        .edit(c -> new ConfigMapBuilder(c).withData(Map.of("key", "drifted")).build());

    assertThat(value(watched.get(id).orElseThrow()))
        .as("a read right after the restart shows the change, not the cached object")
        .isEqualTo("drifted");
    awaitServedFromWatch(id, "drifted");
  }

  @Test
  void anObjectDeletedAfterARestartIsNotReadFromTheCache() {
    ObjectId id = watched.apply(owned("gone", "one"), "cairn", false).id();
    awaitServedFromWatch(id, "one");

    simulated.restart();
    client.configMaps().inNamespace(ns).withName("gone").delete();

    assertThat(watched.get(id)).isEmpty();
  }

  @Test
  void whatADeleteIsDecidedOnIsReadFromTheServerEvenWhenTheWatchHoldsIt() {
    ObjectId id = watched.apply(owned("pruned", "one"), "cairn", false).id();
    awaitServedFromWatch(id, "one");

    cluster.requests().reset();
    assertThat(watched.read(id)).isPresent();
    assertThat(cluster.requests().count(Verb.GET, "configmaps")).isEqualTo(1);
  }

  @Test
  void everyOwnerLabelIsWatchedBySelectorsThatDoNotOverlap() {
    String second = "app.kubernetes.io/instance";
    try (WatchedClusterClient two =
        new WatchedClusterClient(
            client, new Fabric8ClusterClient(client), List.of(OWNER, second))) {
      ObjectId onlySecond = two.apply(labelled("second", "one", second), "cairn", false).id();
      ObjectId both = two.apply(labelled("both", "one", OWNER, second), "cairn", false).id();
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                cluster.requests().reset();
                assertThat(two.get(onlySecond)).isPresent();
                assertThat(two.get(both)).isPresent();
                assertThat(cluster.requests().count(Verb.GET, "configmaps")).isZero();
              });
      assertThat(KindWatch.selectors(List.of(OWNER, second), null))
          .as("the second watch leaves out what the first holds")
          .containsExactly(OWNER, second + ",!" + OWNER);
    }
  }

  /** Waits until a read of {@code id} costs no request and shows {@code value}. */
  private void awaitServedFromWatch(ObjectId id, String value) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              cluster.requests().reset();
              KubeObject read = watched.get(id).orElseThrow();
              assertThat(cluster.requests().count(Verb.GET, "configmaps")).isZero();
              assertThat(value(read)).isEqualTo(value);
            });
  }

  private KubeObject owned(String name, String value) {
    return Manifests.one(
        Manifests.configMap(ns, name, value)
            .replace(
                "  namespace: " + ns, "  namespace: " + ns + "\n  labels: {" + OWNER + ": t}"));
  }

  private KubeObject labelled(String name, String value, String... keys) {
    StringBuilder labels = new StringBuilder();
    for (String key : keys) {
      labels.append(labels.isEmpty() ? "" : ", ").append(key).append(": t");
    }
    return Manifests.one(
        Manifests.configMap(ns, name, value)
            .replace("  namespace: " + ns, "  namespace: " + ns + "\n  labels: {" + labels + "}"));
  }

  private static String value(KubeObject object) {
    return object.node().path("data").path("key").asText();
  }
}
