package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClusterExtension.class)
class CustomResourceIT {

  private static boolean condition(CustomResourceDefinition crd, String type) {
    return crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals(type) && c.getStatus().equals("True"));
  }

  private static CustomResourceDefinition createEstablished(
      KubernetesClient client, Widgets widgets) {
    client.apiextensions().v1().customResourceDefinitions().resource(widgets.crd()).create();
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(widgets.crdName())
                    .get(),
            crd -> condition(crd, "Established") && condition(crd, "NamesAccepted"));
  }

  @Test
  void aCreatedCrdIsEstablishedOnlyAfterTheCreateReturned(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    Widgets widgets = new Widgets("establish.test.cairn.dev");

    CustomResourceDefinition created =
        client.apiextensions().v1().customResourceDefinitions().resource(widgets.crd()).create();

    assertThat(condition(created, "Established")).as("not in the create response").isFalse();
    assertThat(created.getStatus().getStoredVersions()).containsExactly("v1");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(widgets.crdName())
                    .get(),
            crd -> condition(crd, "Established") && condition(crd, "NamesAccepted"));
    client.apiextensions().v1().customResourceDefinitions().withName(widgets.crdName()).delete();
  }

  @Test
  void customResourcesAreRefusedUntilTheirCrdExistsAndGoWithIt(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    String ns = cluster.createNamespace("crd");
    Widgets widgets = new Widgets("lifecycle.test.cairn.dev");
    GenericKubernetesResource widget = widgets.widget(ns, "w1", Map.of("colour", "red"));

    assertThatThrownBy(() -> widgets.in(client).inNamespace(ns).resource(widget).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));

    createEstablished(client, widgets);
    widgets.in(client).inNamespace(ns).resource(widget).create();
    assertThat(widgets.in(client).inNamespace(ns).list().getItems())
        .extracting(w -> w.getMetadata().getName())
        .containsExactly("w1");
    assertThat(
            client
                .genericKubernetesResources(widgets.group + "/v1", "Widget")
                .inNamespace(ns)
                .withName("w1")
                .get())
        .as("found through discovery")
        .isNotNull();

    client.apiextensions().v1().customResourceDefinitions().withName(widgets.crdName()).delete();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> widgets.in(client).inNamespace(ns).list())
                    .isInstanceOf(KubernetesClientException.class));
    createEstablished(client, widgets);
    assertThat(widgets.in(client).inNamespace(ns).list().getItems())
        .as("custom resources were deleted with their CRD")
        .isEmpty();
    client.apiextensions().v1().customResourceDefinitions().withName(widgets.crdName()).delete();
  }

  @Test
  void listsAreAtomicUnlessTheSchemaMakesThemMaps(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    String ns = cluster.createNamespace("crdlists");
    Widgets widgets = new Widgets("lists.test.cairn.dev");
    createEstablished(client, widgets);
    try {
      widgets
          .in(client)
          .inNamespace(ns)
          .resource(
              widgets.widget(
                  ns,
                  "w",
                  Map.of(
                      "tags", List.of("a", "b"),
                      "parts", List.of(Map.of("name", "wheel", "size", 4)))))
          .fieldManager("cairn")
          .serverSideApply();
      widgets
          .in(client)
          .inNamespace(ns)
          .resource(
              widgets.widget(ns, "w", Map.of("parts", List.of(Map.of("name", "bell", "size", 1)))))
          .fieldManager("other")
          .serverSideApply();

      GenericKubernetesResource live = widgets.in(client).inNamespace(ns).withName("w").get();

      @SuppressWarnings("unchecked")
      Map<String, Object> spec = (Map<String, Object>) live.getAdditionalProperties().get("spec");
      assertThat(spec.get("tags")).isEqualTo(List.of("a", "b"));
      assertThat((List<?>) spec.get("parts"))
          .as("x-kubernetes-list-type: map merges by name")
          .hasSize(2);

      widgets
          .in(client)
          .inNamespace(ns)
          .resource(
              widgets.widget(
                  ns,
                  "w",
                  Map.of(
                      "tags", List.of("c"), "parts", List.of(Map.of("name", "wheel", "size", 4)))))
          .fieldManager("cairn")
          .serverSideApply();
      @SuppressWarnings("unchecked")
      Map<String, Object> after =
          (Map<String, Object>)
              widgets
                  .in(client)
                  .inNamespace(ns)
                  .withName("w")
                  .get()
                  .getAdditionalProperties()
                  .get("spec");
      assertThat(after.get("tags")).as("atomic list replaced").isEqualTo(List.of("c"));
    } finally {
      client.apiextensions().v1().customResourceDefinitions().withName(widgets.crdName()).delete();
    }
  }
}
