package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.sim.cluster.RequestCounter;
import dev.cairn.sim.cluster.RequestCounter.Verb;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClusterExtension.class)
class RequestCounterIT {
  private RequestCounter requests;
  private KubernetesClient client;
  private String ns;

  @BeforeEach
  void namespace(TestCluster cluster) {
    requests = cluster.requests();
    client = cluster.client();
    ns = cluster.createNamespace("count");
  }

  private Map<String, Long> during(Runnable operation) {
    requests.reset();
    operation.run();
    return requests.snapshot();
  }

  private ConfigMap configMap() {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("c")
        .withNamespace(ns)
        .endMetadata()
        .addToData("a", "1")
        .build();
  }

  @Test
  void countsEachVerbOnItsResource() {
    var configMaps = client.configMaps().inNamespace(ns);

    assertThat(during(() -> configMaps.resource(configMap()).create()))
        .isEqualTo(Map.of("create configmaps", 1L));
    assertThat(during(() -> configMaps.withName("c").get()))
        .isEqualTo(Map.of("get configmaps", 1L));
    assertThat(during(configMaps::list)).isEqualTo(Map.of("list configmaps", 1L));
    assertThat(
            during(() -> configMaps.resource(configMap()).fieldManager("cairn").serverSideApply()))
        .isEqualTo(Map.of("apply configmaps", 1L));
    assertThat(
            during(
                () ->
                    configMaps
                        .withName("c")
                        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"b\":\"2\"}}")))
        .containsEntry("patch configmaps", 1L)
        .doesNotContainKeys("apply configmaps", "update configmaps");
    assertThat(during(() -> configMaps.withName("c").delete()))
        .containsEntry("delete configmaps", 1L);
    assertThat(requests.writes()).isEqualTo(1);
  }

  @Test
  void countsWatchesAndStaysAtZeroWritesWhenOnlyReading() {
    AtomicInteger events = new AtomicInteger();
    requests.reset();
    try (Watch watch =
        client
            .configMaps()
            .inNamespace(ns)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {
                    events.incrementAndGet();
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      client.configMaps().inNamespace(ns).resource(configMap()).create();
      await().atMost(Duration.ofSeconds(10)).until(() -> events.get() >= 1);
    }
    assertThat(requests.count(Verb.WATCH, "configmaps")).isEqualTo(1);
    assertThat(requests.writes()).isEqualTo(1);

    requests.reset();
    client.configMaps().inNamespace(ns).list();
    client.configMaps().inNamespace(ns).withName("c").get();

    assertThat(requests.writes()).isZero();
    assertThat(requests.total()).isEqualTo(2);
  }
}
