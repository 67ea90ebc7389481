package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import dev.cairn.sim.cluster.RequestCounter.Verb;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Applies through the watch-backed client: an object the watches know to be absent is created
 * without a read first (the dry-run's answer stands in for it), and an object that exists without
 * Cairn's labels, so the watches never saw it, is still found by that answer and reported as
 * configured, not created.
 */
class WatchedApplyIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String OWNER = "cairn.dev/name";
  private static TestCluster cluster;
  private static WatchedClusterClient watched;
  private static ResourceManager manager;
  private static String ns;
  private static final ApplyOptions OPTIONS =
      ApplyOptions.defaults().withLabels(Map.of(OWNER, "watched"));

  @BeforeAll
  static void start() {
    cluster = TestCluster.forClass();
    ns = cluster.createNamespace("watched-apply");
    watched =
        new WatchedClusterClient(
            cluster.client(), new Fabric8ClusterClient(cluster.client()), List.of(OWNER));
    manager = new ResourceManager(watched);
  }

  @AfterAll
  static void stop() {
    manager.close();
    watched.close();
    cluster.close();
  }

  @Test
  void aNewObjectIsCreatedWithoutReadingItFirst() {
    KubeObject first = Manifests.one(Manifests.configMap(ns, "first", "one"));
    awaitWatching(first.id());
    KubeObject second = Manifests.one(Manifests.configMap(ns, "second", "one"));
    cluster.requests().reset();

    ChangeSet created = manager.apply(List.of(second), OPTIONS);

    assertThat(created.actionOf(second.id())).contains(Action.CREATED);
    assertThat(cluster.requests().count(Verb.GET, "configmaps"))
        .as(cluster.requests().toString())
        .isZero();
    assertThat(cluster.client().configMaps().inNamespace(ns).withName("second").get()).isNotNull();
  }

  @Test
  void anObjectWithoutCairnsLabelsIsFoundByTheDryRunAndConfigured() {
    cluster
        .client()
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("adopted")
                .withNamespace(ns)
                .endMetadata()
                .withData(Map.of("key", "before"))
                .build())
        .create();
    KubeObject adopted = Manifests.one(Manifests.configMap(ns, "adopted", "after"));
    awaitWatching(adopted.id());
    assertThat(watched.knownAbsent(adopted.id()))
        .as("an unlabelled object is not in the watches")
        .isTrue();

    ChangeSet configured = manager.apply(List.of(adopted), OPTIONS);

    assertThat(configured.actionOf(adopted.id())).contains(Action.CONFIGURED);
    assertThat(cluster.client().configMaps().inNamespace(ns).withName("adopted").get().getData())
        .containsEntry("key", "after");
  }

  /**
   * Waits until the watches of {@code id}'s kind are open and do not hold it (the first question
   * starts them).
   */
  private static void awaitWatching(ObjectId id) {
    await().atMost(WAIT).until(() -> watched.knownAbsent(id));
  }
}
