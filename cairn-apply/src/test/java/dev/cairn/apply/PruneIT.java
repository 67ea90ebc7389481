package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.manifest.GroupVersionKind;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import dev.cairn.testkit.cluster.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prune against the simulated cluster. */
class PruneIT {
  private static final ApplyOptions OPTIONS =
      ApplyOptions.defaults().withLabels(Map.of("cairn.dev/name", "prune-test"));

  private static TestCluster cluster;
  private static Fabric8ClusterClient client;
  private static ResourceManager manager;

  @BeforeAll
  static void start() {
    cluster = TestCluster.forClass();
    client = new Fabric8ClusterClient(cluster.client());
    manager = new ResourceManager(client);
  }

  @AfterAll
  static void stop() {
    manager.close();
    cluster.close();
  }

  private static List<ObjectId> ids(List<KubeObject> objects) {
    return objects.stream().map(KubeObject::id).toList();
  }

  @Test
  void deletesWhatTheNewSetLacksButNotWhatOptsOut() {
    KubeObject keep = Manifests.one(Manifests.configMap("default", "keep", "1"));
    KubeObject gone = Manifests.one(Manifests.configMap("default", "gone", "1"));
    KubeObject protectedOne = Manifests.one(Manifests.configMap("default", "protected", "1"));
    protectedOne.setAnnotation("cairn.dev/prune", "disabled");
    List<KubeObject> before = List.of(keep, gone, protectedOne);
    manager.apply(before, OPTIONS);

    ChangeSet pruned = manager.prune(ids(before), List.of(keep), OPTIONS);

    assertThat(pruned.actionOf(gone.id())).contains(Action.DELETED);
    assertThat(pruned.actionOf(protectedOne.id())).contains(Action.SKIPPED);
    assertThat(pruned.find(protectedOne.id()).orElseThrow().message()).contains("cairn.dev/prune");
    assertThat(pruned.actionOf(keep.id())).isEmpty();
    assertThat(pruned.hasFailures()).isFalse();
    assertThat(cluster.client().configMaps().inNamespace("default").withName("gone").get())
        .isNull();
    assertThat(cluster.client().configMaps().inNamespace("default").withName("protected").get())
        .isNotNull();
    assertThat(cluster.client().configMaps().inNamespace("default").withName("keep").get())
        .isNotNull();
  }

  @Test
  void deletesInReverseKindOrder() {
    List<KubeObject> set =
        Manifests.read(
            Manifests.namespace("doomed")
                + "---\n"
                + Manifests.configMap("doomed", "settings", "1")
                + "---\n"
                + Manifests.deployment("doomed", "web", 1));
    manager.apply(set, OPTIONS);

    ChangeSet pruned = manager.prune(ids(set), List.of(), OPTIONS);

    assertThat(pruned.entries())
        .extracting(e -> e.id().kind())
        .containsExactly("Deployment", "ConfigMap", "Namespace");
    assertThat(pruned.withAction(Action.DELETED)).hasSize(3);
  }

  @Test
  void leavesObjectsAnotherOwnerTookOver() {
    KubeObject adopted = Manifests.one(Manifests.configMap("default", "adopted", "1"));
    manager.apply(List.of(adopted), OPTIONS);
    manager.apply(List.of(adopted), OPTIONS.withLabels(Map.of("cairn.dev/name", "someone-else")));

    ChangeSet pruned = manager.prune(List.of(adopted.id()), List.of(), OPTIONS);

    assertThat(pruned.actionOf(adopted.id())).contains(Action.SKIPPED);
    assertThat(cluster.client().configMaps().inNamespace("default").withName("adopted").get())
        .isNotNull();
  }

  @Test
  void aFailedDeleteIsReportedAndTheRestStillGoes() {
    KubeObject stuck = Manifests.one(Manifests.configMap("default", "stuck", "1"));
    KubeObject other = Manifests.one(Manifests.configMap("default", "other", "1"));
    manager.apply(List.of(stuck, other), OPTIONS);
    ClusterClient refusing = new RefusingDeletes(client, stuck.id());

    try (ResourceManager failing = new ResourceManager(refusing)) {
      ChangeSet pruned = failing.prune(List.of(stuck.id(), other.id()), List.of(), OPTIONS);

      assertThat(pruned.failures()).hasSize(1);
      ChangeSetEntry failure = pruned.failures().get(0);
      assertThat(failure.id()).isEqualTo(stuck.id());
      assertThat(failure.error()).contains("admission webhook denied");
      assertThat(pruned.actionOf(other.id())).contains(Action.DELETED);
    }
    assertThat(cluster.client().configMaps().inNamespace("default").withName("stuck").get())
        .isNotNull();
  }

  /** A cluster whose API refuses to delete one object, as an admission webhook would. */
  private record RefusingDeletes(ClusterClient delegate, ObjectId refused)
      implements ClusterClient {
    @Override
    public Optional<KubeObject> get(ObjectId id) {
      return delegate.get(id);
    }

    @Override
    public List<KubeObject> list(
        GroupVersionKind gvk, String namespace, Map<String, String> labels) {
      return delegate.list(gvk, namespace, labels);
    }

    @Override
    public KubeObject dryRunApply(KubeObject object, String fieldManager, boolean force) {
      return delegate.dryRunApply(object, fieldManager, force);
    }

    @Override
    public KubeObject apply(KubeObject object, String fieldManager, boolean force) {
      return delegate.apply(object, fieldManager, force);
    }

    @Override
    public boolean delete(ObjectId id) {
      if (id.equals(refused)) {
        throw new ClusterException(
            403, "Forbidden", "admission webhook denied the request: " + id.name() + " is pinned");
      }
      return delegate.delete(id);
    }

    @Override
    public Optional<Boolean> namespaced(GroupVersionKind gvk) {
      return delegate.namespaced(gvk);
    }
  }

  @Test
  void waitForTerminationReportsWhatLingersUntilItsFinalizerIsGone() {
    KubeObject held =
        Manifests.one(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: held, namespace: default, finalizers: [example.com/hold]}
            data: {value: "1"}
            """);
    manager.apply(List.of(held), OPTIONS);
    manager.prune(List.of(held.id()), List.of(), OPTIONS);

    assertThat(manager.waitForTermination(List.of(held.id()), Duration.ofMillis(300)))
        .containsExactly(held.id());

    cluster
        .client()
        .configMaps()
        .inNamespace("default")
        .withName("held")
        .edit(
            cm -> {
              cm.getMetadata().setFinalizers(List.of());
              return cm;
            });
    assertThat(manager.waitForTermination(List.of(held.id()), Duration.ofSeconds(10))).isEmpty();
    assertThat(cluster.client().configMaps().inNamespace("default").withName("held").get())
        .isNull();
  }
}
