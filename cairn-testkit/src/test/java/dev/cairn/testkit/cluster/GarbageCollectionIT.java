package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClusterExtension.class)
class GarbageCollectionIT {
  private KubernetesClient client;
  private String ns;

  @BeforeEach
  void namespace(TestCluster cluster) {
    client = cluster.client();
    ns = cluster.createNamespace("gc");
  }

  private ConfigMap create(String name, ConfigMap... owners) {
    List<OwnerReference> refs =
        java.util.Arrays.stream(owners)
            .map(
                o ->
                    new OwnerReferenceBuilder()
                        .withApiVersion("v1")
                        .withKind("ConfigMap")
                        .withName(o.getMetadata().getName())
                        .withUid(o.getMetadata().getUid())
                        .build())
            .toList();
    ConfigMap cm =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .withOwnerReferences(refs)
            .endMetadata()
            .build();
    return client.configMaps().inNamespace(ns).resource(cm).create();
  }

  private ConfigMap get(String name) {
    return client.configMaps().inNamespace(ns).withName(name).get();
  }

  @Test
  void deletingAnOwnerDeletesDependentsTransitively() {
    ConfigMap owner = create("owner");
    ConfigMap child = create("child", owner);
    create("grandchild", child);
    create("bystander");

    client.configMaps().inNamespace(ns).withName("owner").delete();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(get("child")).isNull();
              assertThat(get("grandchild")).isNull();
            });
    assertThat(get("bystander")).isNotNull();
  }

  @Test
  void aDependentWithAnotherLiveOwnerStays() {
    ConfigMap first = create("first");
    ConfigMap second = create("second");
    create("shared", first, second);

    client.configMaps().inNamespace(ns).withName("first").delete();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(get("shared").getMetadata().getOwnerReferences())
                    .extracting(OwnerReference::getName)
                    .containsExactly("second"));
  }

  @Test
  void orphanPropagationKeepsDependents() {
    ConfigMap owner = create("parent");
    create("orphan", owner);

    client
        .configMaps()
        .inNamespace(ns)
        .withName("parent")
        .withPropagationPolicy(DeletionPropagation.ORPHAN)
        .delete();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(get("parent")).isNull();
              assertThat(get("orphan").getMetadata().getOwnerReferences()).isNullOrEmpty();
            });
  }
}
