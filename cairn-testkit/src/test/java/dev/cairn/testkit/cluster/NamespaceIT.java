package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClusterExtension.class)
class NamespaceIT {

  private static ConfigMap configMap(String namespace, String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .addToData("k", "v")
        .build();
  }

  @Test
  void systemNamespacesExistFromTheStart(TestCluster cluster) {
    for (String name : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
      Namespace ns = cluster.client().namespaces().withName(name).get();
      assertThat(ns).as(name).isNotNull();
      assertThat(ns.getStatus().getPhase()).isEqualTo("Active");
    }
  }

  @Test
  void objectsInAMissingNamespaceAreRefused(TestCluster cluster) {
    KubernetesClient client = cluster.client();

    assertThatThrownBy(
            () ->
                client
                    .configMaps()
                    .inNamespace("nowhere")
                    .resource(configMap("nowhere", "c"))
                    .create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(404);
              assertThat(e.getStatus().getMessage()).isEqualTo("namespaces \"nowhere\" not found");
            });
    assertThatThrownBy(
            () ->
                client
                    .configMaps()
                    .inNamespace("nowhere")
                    .resource(configMap("nowhere", "c"))
                    .fieldManager("cairn")
                    .serverSideApply())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
  }

  @Test
  void deletingANamespaceDeletesItsContents(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    String ns = cluster.createNamespace("doomed");
    client.configMaps().inNamespace(ns).resource(configMap(ns, "one")).create();
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(ServerSideApplyIT.deployment("web", "app", "nginx"))
        .create();

    client.namespaces().withName(ns).delete();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(client.namespaces().withName(ns).get()).isNull();
              assertThat(client.configMaps().inNamespace(ns).withName("one").get()).isNull();
              assertThat(client.apps().deployments().inNamespace(ns).withName("web").get())
                  .isNull();
            });
  }

  @Test
  void aFinalizerKeepsTheNamespaceTerminatingUntilRemoved(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    String ns = cluster.createNamespace("held");
    ConfigMap held = configMap(ns, "held");
    held.getMetadata().setFinalizers(List.of("test.cairn.dev/hold"));
    client.configMaps().inNamespace(ns).resource(held).create();

    client.namespaces().withName(ns).delete();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(
                      client
                          .configMaps()
                          .inNamespace(ns)
                          .withName("held")
                          .get()
                          .getMetadata()
                          .getDeletionTimestamp())
                  .isNotNull();
              assertThat(client.namespaces().withName(ns).get().getStatus().getPhase())
                  .isEqualTo("Terminating");
            });
    assertThatThrownBy(
            () -> client.configMaps().inNamespace(ns).resource(configMap(ns, "late")).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));

    client
        .configMaps()
        .inNamespace(ns)
        .withName("held")
        .edit(
            cm ->
                new ConfigMapBuilder(cm)
                    .editMetadata()
                    .withFinalizers(List.of())
                    .endMetadata()
                    .build());

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(client.namespaces().withName(ns).get()).isNull());
  }
}
