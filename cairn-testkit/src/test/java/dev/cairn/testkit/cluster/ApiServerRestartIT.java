package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.sim.cluster.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simulated API server restarts as kube-apiserver does: open watches end, a watch or an exact
 * list from before the restart gets 410 Expired, objects and resourceVersions carry on, and an
 * informer lists again and sees what changed.
 */
@ExtendWith(ClusterExtension.class)
class ApiServerRestartIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private KubernetesClient client;
  private SimulatedCluster simulated;
  private String ns;

  @BeforeEach
  void namespace(TestCluster cluster) {
    Assumptions.assumeTrue(cluster.isSimulated(), "restarts only the simulated API server");
    client = cluster.client();
    simulated = cluster.simulated().orElseThrow();
    ns = cluster.createNamespace("restart");
  }

  @Test
  void anOpenWatchEndsAndResumingItFromBeforeTheRestartIs410Expired() throws Exception {
    ConfigMap first = create("first", "1");
    CompletableFuture<WatcherException> closed = new CompletableFuture<>();
    try (Watch watch =
        client
            .configMaps()
            .inNamespace(ns)
            .watch(
                new ListOptionsBuilder()
                    .withResourceVersion(first.getMetadata().getResourceVersion())
                    .build(),
                closeRecorder(closed))) {
      // a write of another kind: the history moves on past what this watch has seen
      client
          .secrets()
          .inNamespace(ns)
          .resource(new SecretBuilder().withNewMetadata().withName("other").endMetadata().build())
          .create();
      simulated.restart();

      WatcherException gone = closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(gone.isHttpGone()).as("%s", gone).isTrue();
      assertThat(gone.getMessage()).contains("too old resource version");
    }
  }

  @Test
  void objectsAndResourceVersionsCarryOnAndOnlyOldExactListsExpire() {
    ConfigMap before = create("kept", "1");
    create("later", "1");
    String listed = client.configMaps().inNamespace(ns).list().getMetadata().getResourceVersion();

    simulated.restart();

    ConfigMap kept = client.configMaps().inNamespace(ns).withName("kept").get();
    assertThat(kept.getMetadata().getResourceVersion())
        .isEqualTo(before.getMetadata().getResourceVersion());
    ConfigMap after = create("after", "2");
    assertThat(Long.parseLong(after.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(listed));
    String current = client.configMaps().inNamespace(ns).list().getMetadata().getResourceVersion();

    assertThatThrownBy(() -> listExactly(before.getMetadata().getResourceVersion()))
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(410);
              assertThat(e.getStatus().getReason()).isEqualTo("Expired");
            });
    assertThat(listExactly(current)).extracting(c -> c.getMetadata().getName()).contains("after");
    assertThat(
            client
                .configMaps()
                .inNamespace(ns)
                .list(
                    new ListOptionsBuilder()
                        .withResourceVersion(before.getMetadata().getResourceVersion())
                        .withResourceVersionMatch("NotOlderThan")
                        .build())
                .getItems())
        .hasSize(3);
  }

  @Test
  void anInformerListsAgainAfterTheRestartAndSeesChangesAndDeletions() {
    create("changed", "1");
    create("deleted", "1");
    SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace(ns).inform();
    try {
      await().atMost(WAIT).until(() -> informer.getStore().list().size() == 2);

      simulated.stopServing();
      // changed while nobody watched: the informer's next watch starts from before the restart
      simulated.restart();
      client
          .configMaps()
          .inNamespace(ns)
          .withName("changed")
          .edit(c -> new ConfigMapBuilder(c).withData(Map.of("value", "2")).build());
      client.configMaps().inNamespace(ns).withName("deleted").delete();
      simulated.restart();

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(informer.getStore().getByKey(ns + "/deleted")).isNull();
                assertThat(informer.getStore().getByKey(ns + "/changed").getData())
                    .containsEntry("value", "2");
              });
      await().atMost(WAIT).until(informer::isWatching);
    } finally {
      informer.close();
    }
  }

  private java.util.List<ConfigMap> listExactly(String version) {
    return client
        .configMaps()
        .inNamespace(ns)
        .list(
            new ListOptionsBuilder()
                .withResourceVersion(version)
                .withResourceVersionMatch("Exact")
                .build())
        .getItems();
  }

  private ConfigMap create(String name, String value) {
    return client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withData(Map.of("value", value))
                .build())
        .create();
  }

  private static Watcher<ConfigMap> closeRecorder(CompletableFuture<WatcherException> closed) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {}

      @Override
      public void onClose(WatcherException cause) {
        closed.complete(cause);
      }
    };
  }
}
