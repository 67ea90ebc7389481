package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.HelmChart;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredSource;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifacts of a deleted source are deleted from the store; those of sources still in the
 * cluster, of sources stored within the last hour and of unknown kinds are kept.
 */
@ExtendWith(ClusterExtension.class)
class OrphanedArtifactCleanupIT {
  @TempDir Path temp;

  @BeforeAll
  static void installCrds(TestCluster cluster) {
    GitOpsFixture.installCrds(cluster.client());
  }

  @Test
  void deletesOnlyTheArtifactsOfSourcesThatAreGone(TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("orphans");
    create(cluster, GitRepository.class, gitRepositoryYaml(ns, "kept"));
    create(cluster, HelmChart.class, helmChartYaml(ns, "web"));
    ArtifactStore store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    SourceKey kept = stored(store, new SourceKey("gitrepository", ns, "kept"), true);
    SourceKey chart = stored(store, new SourceKey("helmchart", ns, "web"), true);
    SourceKey chartIndex = stored(store, new SourceKey("helmrepository-index", ns, "web"), true);
    SourceKey gone = stored(store, new SourceKey("gitrepository", ns, "gone"), true);
    SourceKey goneChart = stored(store, new SourceKey("helmchart", ns, "old"), true);
    SourceKey justStored = stored(store, new SourceKey("gitrepository", ns, "new"), false);
    SourceKey unknownKind = stored(store, new SourceKey("bucket", ns, "b"), true);

    int deleted =
        new OrphanedArtifactCleanup(cluster.client(), store, Set.of(), Clock.systemUTC()).runOnce();

    assertThat(deleted).isEqualTo(2);
    assertThat(store.sources())
        .extracting(StoredSource::key)
        .contains(kept, chart, chartIndex, justStored, unknownKind)
        .doesNotContain(gone, goneChart);
  }

  @Test
  void onlyTheWatchedNamespacesCountAsPresent(TestCluster cluster) throws Exception {
    String watched = cluster.createNamespace("watched");
    String other = cluster.createNamespace("other");
    create(cluster, GitRepository.class, gitRepositoryYaml(watched, "repo"));
    create(cluster, GitRepository.class, gitRepositoryYaml(other, "repo"));
    ArtifactStore store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    SourceKey inWatched = stored(store, new SourceKey("gitrepository", watched, "repo"), true);
    SourceKey inOther = stored(store, new SourceKey("gitrepository", other, "repo"), true);

    new OrphanedArtifactCleanup(cluster.client(), store, Set.of(watched), Clock.systemUTC())
        .runOnce();

    assertThat(store.sources())
        .extracting(StoredSource::key)
        .containsExactly(inWatched)
        .doesNotContain(inOther);
  }

  @Test
  void anUnreachableApiServerDeletesNothing() throws Exception {
    ArtifactStore store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    SourceKey source = stored(store, new SourceKey("gitrepository", "default", "repo"), true);
    int port;
    try (ServerSocket closed = new ServerSocket(0)) {
      port = closed.getLocalPort();
    }
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + port)
            .withRequestRetryBackoffLimit(0)
            .build();
    try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(config).build()) {
      int deleted =
          new OrphanedArtifactCleanup(unreachable, store, Set.of(), Clock.systemUTC()).runOnce();

      assertThat(deleted).isZero();
      assertThat(store.sources()).extracting(StoredSource::key).containsExactly(source);
    }
  }

  /** Stores one artifact for {@code key}; an old one looks untouched for two hours. */
  private static SourceKey stored(ArtifactStore store, SourceKey key, boolean old)
      throws Exception {
    store.store(
        key, "r1", w -> w.addFile("a.yaml", "a: 1\n".getBytes(StandardCharsets.UTF_8), false));
    if (old) {
      Files.setLastModifiedTime(
          store.root().resolve(key.relativeDirectory()),
          FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    }
    return key;
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> void create(
      TestCluster cluster, Class<T> kind, String yaml) {
    KubernetesClient client = cluster.client();
    client.resource(client.getKubernetesSerialization().unmarshal(yaml, kind)).create();
  }

  private static String gitRepositoryYaml(String ns, String name) {
    return """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: %s, namespace: %s}
        spec: {url: "https://git.example.com/fleet.git", interval: 10m, ref: {branch: main}}
        """
        .formatted(name, ns);
  }

  private static String helmChartYaml(String ns, String name) {
    return """
        apiVersion: cairn.dev/v1
        kind: HelmChart
        metadata: {name: %s, namespace: %s}
        spec:
          chart: %s
          version: "*"
          interval: 10m
          sourceRef: {kind: HelmRepository, name: charts}
        """
        .formatted(name, ns, name);
  }
}
