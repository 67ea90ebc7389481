package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.source.GitRepository;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two runtimes on one cluster with Flux's sharding convention: each reconciles only the objects
 * whose {@code sharding.fluxcd.io/key} label its {@code --watch-label-selector} matches, and an
 * unlabelled object is left to neither. What a shard applies carries its mark ({@code
 * cairn.dev/shard}), which its watches of applied objects select by.
 */
@ExtendWith(ClusterExtension.class)
class ShardingIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String KEY = "sharding.fluxcd.io/key";

  @Test
  void eachShardReconcilesOnlyItsLabelledObjects(TestCluster cluster) throws Exception {
    try (GitOpsFixture fixture = GitOpsFixture.start(cluster)) {
      GitOpsFixture.Repo one = repo(fixture, cluster, "shard-one");
      GitOpsFixture.Repo two = repo(fixture, cluster, "shard-two");
      GitOpsFixture.Repo none = repo(fixture, cluster, "shard-none");
      label(fixture, one, "shard1");
      label(fixture, two, "shard2");
      try (CairnRuntime first =
              new CairnRuntime(
                  fixture.client,
                  fixture.options("shard1").withLabelSelector(KEY + " in (shard1)"));
          CairnRuntime second =
              new CairnRuntime(
                  fixture.client,
                  fixture.options("shard2").withLabelSelector(KEY + " in (shard2)"))) {
        first.start();
        second.start();
        // the metrics are recorded right after the status write that makes the object Ready
        await()
            .atMost(WAIT)
            .until(
                () ->
                    ready(fixture, one)
                        && ready(fixture, two)
                        && reconciled(first, one)
                        && reconciled(second, two));
        assertThat(reconciled(first, two)).isFalse();
        assertThat(reconciled(second, one)).isFalse();
        assertThat(fixture.source(none).getStatus()).isNull();
        assertThat(reconciled(first, none) || reconciled(second, none)).isFalse();
        await()
            .atMost(WAIT)
            .untilAsserted(
                () -> {
                  assertThat(shardOf(fixture, one)).isEqualTo(ShardName.of(KEY + " in (shard1)"));
                  assertThat(shardOf(fixture, two)).isEqualTo(ShardName.of(KEY + " in (shard2)"));
                });
        assertThat(ShardName.of(KEY + " in (shard1)"))
            .isNotEqualTo(ShardName.of(KEY + " in (shard2)"));
        assertThat(fixture.client.configMaps().inNamespace(none.ns()).withName("cm").get())
            .isNull();
      }
    }
  }

  private static GitOpsFixture.Repo repo(GitOpsFixture fixture, TestCluster cluster, String prefix)
      throws Exception {
    GitOpsFixture.Repo repo = fixture.repo(cluster, prefix);
    repo.work()
        .write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {a: b}\n");
    repo.commit("first");
    fixture.createSource(repo, "10m");
    fixture.createKustomization(repo, "app", "10m", "./");
    return repo;
  }

  private static void label(GitOpsFixture fixture, GitOpsFixture.Repo repo, String shard) {
    fixture
        .client
        .resources(GitRepository.class)
        .inNamespace(repo.ns())
        .withName("repo")
        .edit(
            o -> {
              o.getMetadata().setLabels(Map.of(KEY, shard));
              return o;
            });
    fixture
        .client
        .resources(Kustomization.class)
        .inNamespace(repo.ns())
        .withName("app")
        .edit(
            o -> {
              o.getMetadata().setLabels(Map.of(KEY, shard));
              return o;
            });
  }

  /** The shard mark on the ConfigMap the repo's Kustomization applied, empty before it exists. */
  private static Optional<String> shardOf(GitOpsFixture fixture, GitOpsFixture.Repo repo) {
    ConfigMap applied = fixture.client.configMaps().inNamespace(repo.ns()).withName("cm").get();
    return applied == null
        ? Optional.empty()
        : Optional.ofNullable(applied.getMetadata().getLabels().get(ApplyOptions.SHARD_LABEL));
  }

  private static boolean ready(GitOpsFixture fixture, GitOpsFixture.Repo repo) {
    GitRepository source = fixture.source(repo);
    return source.getStatus() != null
        && GitOpsFixture.ready(source.getStatus())
            .map(c -> "True".equals(c.getStatus()))
            .orElse(false);
  }

  /** Whether this runtime has run the repo's GitRepository at least once. */
  private static boolean reconciled(CairnRuntime runtime, GitOpsFixture.Repo repo) {
    return runtime
            .meterRegistry()
            .find(ReconcileMetrics.DURATION)
            .tags("kind", "GitRepository", "namespace", repo.ns(), "name", "repo")
            .timer()
        != null;
  }
}
