package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClusterExtension.class)
class PatchAndWatchIT {
  private KubernetesClient client;
  private String ns;

  @BeforeEach
  void namespace(TestCluster cluster) {
    client = cluster.client();
    ns = cluster.createNamespace("patch");
  }

  private Deployment createDeployment(String name) {
    return client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(ServerSideApplyIT.deployment(name, "app", "nginx:1"))
        .create();
  }

  @Test
  void jsonMergePatchReplacesLists() {
    createDeployment("merge");

    Deployment patched =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .withName("merge")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"other\",\"image\":\"busybox\"}]}}}}");

    assertThat(patched.getSpec().getTemplate().getSpec().getContainers())
        .extracting(c -> c.getName())
        .containsExactly("other");
  }

  @Test
  void strategicMergePatchMergesContainersByNameAndHonoursPatchDelete() {
    createDeployment("smp");

    Deployment added =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .withName("smp")
            .patch(
                PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"envoy\"}]}}}}");
    assertThat(added.getSpec().getTemplate().getSpec().getContainers())
        .extracting(c -> c.getName())
        .containsExactly("app", "sidecar");

    Deployment removed =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .withName("smp")
            .patch(
                PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"$patch\":\"delete\"}]}}}}");
    assertThat(removed.getSpec().getTemplate().getSpec().getContainers())
        .extracting(c -> c.getName())
        .containsExactly("sidecar");
  }

  @Test
  void aStaleResourceVersionIsAConflict() {
    ConfigMap cm =
        client
            .configMaps()
            .inNamespace(ns)
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("occ")
                    .endMetadata()
                    .addToData("a", "1")
                    .build())
            .create();
    client
        .configMaps()
        .inNamespace(ns)
        .withName("occ")
        .edit(c -> new ConfigMapBuilder(c).addToData("a", "2").build());

    ConfigMap stale = new ConfigMapBuilder(cm).addToData("a", "3").build();

    assertThatThrownBy(() -> client.configMaps().inNamespace(ns).resource(stale).update())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getStatus().getMessage()).contains("the object has been modified");
            });
  }

  @Test
  void aMergePatchCarryingAStaleResourceVersionIsAConflict() {
    ConfigMap created = createConfigMap("precondition");
    String patch = "{\"metadata\":{\"resourceVersion\":\"%s\",\"finalizers\":[\"example.com/f\"]}}";
    ConfigMap patched =
        client
            .configMaps()
            .inNamespace(ns)
            .resource(created)
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                patch.formatted(created.getMetadata().getResourceVersion()));
    assertThat(patched.getMetadata().getFinalizers()).containsExactly("example.com/f");
    assertThat(patched.getMetadata().getResourceVersion())
        .isNotEqualTo(created.getMetadata().getResourceVersion());

    // the resourceVersion the first patch replaced is a precondition that no longer holds
    assertThatThrownBy(
            () ->
                client
                    .configMaps()
                    .inNamespace(ns)
                    .resource(created)
                    .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        patch.formatted(created.getMetadata().getResourceVersion())))
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
              assertThat(e.getStatus().getMessage()).contains("the object has been modified");
            });
    client
        .configMaps()
        .inNamespace(ns)
        .withName("precondition")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
  }

  @Test
  void aJsonPatchWhoseTestFailsIsInvalidNotAConflict() {
    ConfigMap created = createConfigMap("tested");
    client
        .configMaps()
        .inNamespace(ns)
        .withName("tested")
        .edit(c -> new ConfigMapBuilder(c).addToData("a", "2").build());

    // kube-apiserver answers a failed JSON patch operation, a failed test included, with 422
    assertThatThrownBy(
            () ->
                client
                    .configMaps()
                    .inNamespace(ns)
                    .withName("tested")
                    .patch(
                        PatchContext.of(PatchType.JSON),
                        "[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\"%s\"},"
                                .formatted(created.getMetadata().getResourceVersion())
                            + "{\"op\":\"add\",\"path\":\"/data/b\",\"value\":\"x\"}]"))
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422));
  }

  private ConfigMap createConfigMap(String name) {
    return client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToData("a", "1")
                .build())
        .create();
  }

  @Test
  void objectsCreatedWithOnlyMissingOwnersAreCollected() {
    ConfigMap dangling =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("dangling")
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion("v1")
                    .withKind("ConfigMap")
                    .withName("gone")
                    .withUid("00000000-0000-0000-0000-000000000000")
                    .build())
            .endMetadata()
            .build();
    client.configMaps().inNamespace(ns).resource(dangling).create();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(client.configMaps().inNamespace(ns).withName("dangling").get())
                    .isNull());
  }

  @Test
  void informersSeeAppliesAndNoOpAppliesSendNoEvent() {
    List<String> events = new CopyOnWriteArrayList<>();
    ConfigMap cm =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("watched")
            .withNamespace(ns)
            .endMetadata()
            .withData(Map.of("a", "1"))
            .build();
    SharedIndexInformer<ConfigMap> informer =
        client
            .configMaps()
            .inNamespace(ns)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ConfigMap obj) {
                    events.add("add " + obj.getData());
                  }

                  @Override
                  public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                    if (!oldObj
                        .getMetadata()
                        .getResourceVersion()
                        .equals(newObj.getMetadata().getResourceVersion())) {
                      events.add("update " + newObj.getData());
                    }
                  }

                  @Override
                  public void onDelete(ConfigMap obj, boolean unknown) {
                    events.add("delete");
                  }
                });
    try {
      client.configMaps().inNamespace(ns).resource(cm).fieldManager("cairn").serverSideApply();
      client.configMaps().inNamespace(ns).resource(cm).fieldManager("cairn").serverSideApply();
      cm.setData(Map.of("a", "2"));
      client.configMaps().inNamespace(ns).resource(cm).fieldManager("cairn").serverSideApply();

      await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 2);
      assertThat(events).containsExactly("add {a=1}", "update {a=2}");
    } finally {
      informer.close();
    }
  }

  @Test
  void deleteCollectionHonoursTheLabelSelector() {
    for (String name : List.of("x1", "x2", "y1")) {
      client
          .configMaps()
          .inNamespace(ns)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .addToLabels("group", name.substring(0, 1))
                  .endMetadata()
                  .build())
          .create();
    }

    client.configMaps().inNamespace(ns).withLabel("group", "x").delete();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(client.configMaps().inNamespace(ns).withLabel("group").list().getItems())
                    .extracting(c -> c.getMetadata().getName())
                    .containsExactly("y1"));
  }

  @Test
  void aWatchFromAResourceVersionReplaysWhatHappenedSince() {
    var configMaps = client.configMaps().inNamespace(ns);
    for (String name : List.of("a", "b")) {
      configMaps
          .resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
    String listed = configMaps.list().getMetadata().getResourceVersion();
    configMaps.withName("b").delete();
    configMaps
        .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
        .create();
    List<String> events = new CopyOnWriteArrayList<>();

    try (Watch watch =
        configMaps.watch(
            new ListOptionsBuilder().withResourceVersion(listed).build(),
            new Watcher<ConfigMap>() {
              @Override
              public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName());
              }

              @Override
              public void onClose(WatcherException cause) {}
            })) {
      await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 2);
      configMaps.withName("a").delete();
      await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 3);
    }

    assertThat(events).containsExactly("DELETED b", "ADDED c", "DELETED a");
  }
}
