package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.manifest.KubeObject;
import dev.cairn.sim.cluster.RequestCounter.Verb;
import dev.cairn.testkit.cluster.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two shards of one controller against one cluster: each marks what it applies with its shard label
 * and watches only its own objects, so a shard's memory holds its share of the fleet and not every
 * shard's. Prune and diff do not depend on the mark.
 */
class ShardedWatchIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String OWNER = "cairn.dev/name";
  private static TestCluster cluster;
  private static WatchedClusterClient shardA;
  private static WatchedClusterClient shardB;
  private static ResourceManager managerA;
  private static ResourceManager managerB;
  private static String ns;

  @BeforeAll
  static void start() {
    cluster = TestCluster.forClass();
    ns = cluster.createNamespace("sharded-watch");
    shardA = watched("aaaa0001");
    shardB = watched("bbbb0002");
    managerA = new ResourceManager(shardA);
    managerB = new ResourceManager(shardB);
  }

  private static WatchedClusterClient watched(String shard) {
    return new WatchedClusterClient(
        cluster.client(), new Fabric8ClusterClient(cluster.client()), List.of(OWNER), shard);
  }

  @AfterAll
  static void stop() {
    managerA.close();
    managerB.close();
    shardA.close();
    shardB.close();
    cluster.close();
  }

  private static ApplyOptions options(String owner, String shard) {
    return ApplyOptions.defaults().withLabels(Map.of(OWNER, owner)).withShard(shard);
  }

  @Test
  void eachShardWatchesOnlyWhatItApplied() {
    KubeObject mine = Manifests.one(Manifests.configMap(ns, "of-a", "one"));
    KubeObject theirs = Manifests.one(Manifests.configMap(ns, "of-b", "one"));
    managerA.apply(List.of(mine), options("app-a", "aaaa0001"));
    managerB.apply(List.of(theirs), options("app-b", "bbbb0002"));

    assertThat(live("of-a").labels()).containsEntry(ApplyOptions.SHARD_LABEL, "aaaa0001");
    assertThat(live("of-b").labels()).containsEntry(ApplyOptions.SHARD_LABEL, "bbbb0002");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              cluster.requests().reset();
              assertThat(shardA.get(mine.id())).isPresent();
              assertThat(cluster.requests().count(Verb.GET, "configmaps")).isZero();
            });
    assertThat(shardA.knownAbsent(theirs.id()))
        .as("shard A's watches do not hold shard B's object")
        .isTrue();
    cluster.requests().reset();
    assertThat(shardA.get(theirs.id())).as("still found, from the server").isPresent();
    assertThat(cluster.requests().count(Verb.GET, "configmaps")).isEqualTo(1);
  }

  @Test
  void anObjectMovedToAnotherShardIsMarkedAndWatchedThere() {
    KubeObject moving = Manifests.one(Manifests.configMap(ns, "moving", "one"));
    managerA.apply(List.of(moving), options("app-moving", "aaaa0001"));

    ChangeSet applied = managerB.apply(List.of(moving), options("app-moving", "bbbb0002"));

    assertThat(applied.actionOf(moving.id())).contains(Action.CONFIGURED);
    assertThat(live("moving").labels()).containsEntry(ApplyOptions.SHARD_LABEL, "bbbb0002");
    await().atMost(WAIT).until(() -> shardA.knownAbsent(moving.id()));
    await().atMost(WAIT).until(() -> !shardB.knownAbsent(moving.id()));
    ChangeSet again = managerB.apply(List.of(moving), options("app-moving", "bbbb0002"));
    assertThat(again.actionOf(moving.id())).contains(Action.UNCHANGED);
  }

  @Test
  void pruneAndDiffDoNotDependOnTheShardMark() {
    KubeObject marked = Manifests.one(Manifests.configMap(ns, "marked", "one"));
    managerA.apply(List.of(marked), options("app-marked", "aaaa0001"));

    try (ResourceManager unsharded =
        new ResourceManager(new Fabric8ClusterClient(cluster.client()))) {
      assertThat(unsharded.diff(marked, options("app-marked", null)))
          .as("a diff from outside the shard keeps the shard's mark")
          .isEmpty();
      ChangeSet pruned =
          unsharded.prune(List.of(marked.id()), List.of(), options("app-marked", "bbbb0002"));
      assertThat(pruned.actionOf(marked.id())).contains(Action.DELETED);
    }
  }

  @Test
  void aShardMustBeALabelValue() {
    assertThatThrownBy(() -> ApplyOptions.defaults().withShard("in (shard1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid label value");
    assertThat(KindWatch.selectors(List.of(OWNER, "app.kubernetes.io/instance"), "aaaa0001"))
        .containsExactly(
            OWNER + ",cairn.dev/shard=aaaa0001",
            "app.kubernetes.io/instance,!" + OWNER + ",cairn.dev/shard=aaaa0001");
    assertThat(KindWatch.selectors(List.of(), "aaaa0001"))
        .containsExactly("cairn.dev/shard=aaaa0001");
  }

  private static KubeObject live(String name) {
    return KubeObject.of(
        cluster
            .client()
            .getKubernetesSerialization()
            .convertValue(
                cluster.client().configMaps().inNamespace(ns).withName(name).get(),
                com.fasterxml.jackson.databind.node.ObjectNode.class));
  }
}
