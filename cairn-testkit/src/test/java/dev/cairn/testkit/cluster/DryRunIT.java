package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClusterExtension.class)
class DryRunIT {
  private KubernetesClient client;
  private String ns;

  @BeforeEach
  void namespace(TestCluster cluster) {
    client = cluster.client();
    ns = cluster.createNamespace("dryrun");
  }

  private ConfigMap configMap(String name, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .endMetadata()
        .addToData("a", value)
        .build();
  }

  private ConfigMap live(String name) {
    return client.configMaps().inNamespace(ns).withName(name).get();
  }

  @Test
  void createReturnsTheObjectButStoresNothing() {
    ConfigMap result =
        client.configMaps().inNamespace(ns).resource(configMap("c", "1")).dryRun().create();

    assertThat(result.getData()).containsEntry("a", "1");
    assertThat(result.getMetadata().getUid()).isNotBlank();
    assertThat(live("c")).isNull();
  }

  @Test
  void createIsStillValidated() {
    assertThatThrownBy(
            () ->
                client
                    .configMaps()
                    .inNamespace("no-such-namespace")
                    .resource(
                        new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("x")
                            .endMetadata()
                            .build())
                    .dryRun()
                    .create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
  }

  @Test
  void updateAndPatchesReturnTheResultButChangeNothing() {
    ConfigMap created = client.configMaps().inNamespace(ns).resource(configMap("u", "1")).create();
    String version = created.getMetadata().getResourceVersion();

    ConfigMap updated =
        client.configMaps().inNamespace(ns).resource(configMap("u", "2")).dryRun().update();
    ConfigMap merged =
        client
            .configMaps()
            .inNamespace(ns)
            .withName("u")
            .dryRun()
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"a\":\"3\"}}");
    ConfigMap jsonPatched =
        client
            .configMaps()
            .inNamespace(ns)
            .withName("u")
            .dryRun()
            .patch(
                PatchContext.of(PatchType.JSON),
                "[{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"4\"}]");
    ConfigMap strategic =
        client
            .configMaps()
            .inNamespace(ns)
            .withName("u")
            .dryRun()
            .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"data\":{\"a\":\"5\"}}");
    ConfigMap applied =
        client
            .configMaps()
            .inNamespace(ns)
            .resource(configMap("u", "6"))
            .dryRun()
            .fieldManager("cairn")
            .forceConflicts()
            .serverSideApply();

    assertThat(updated.getData()).containsEntry("a", "2");
    assertThat(merged.getData()).containsEntry("a", "3");
    assertThat(jsonPatched.getData()).containsEntry("a", "4");
    assertThat(strategic.getData()).containsEntry("a", "5");
    assertThat(applied.getData()).containsEntry("a", "6");
    ConfigMap live = live("u");
    assertThat(live.getData()).containsEntry("a", "1");
    assertThat(live.getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void applyOfAnAbsentObjectCreatesNothing() {
    ConfigMap applied =
        client
            .configMaps()
            .inNamespace(ns)
            .resource(configMap("a", "1"))
            .dryRun()
            .fieldManager("cairn")
            .serverSideApply();

    assertThat(applied.getData()).containsEntry("a", "1");
    assertThat(live("a")).isNull();
  }

  @Test
  void deleteKeepsTheObject() {
    client.configMaps().inNamespace(ns).resource(configMap("d", "1")).create();

    client.configMaps().inNamespace(ns).withName("d").dryRun().delete();

    assertThat(live("d")).isNotNull();
  }
}
