package dev.cairn.engine.kustomize;

import static dev.cairn.engine.kustomize.Harness.configMapYaml;
import static dev.cairn.engine.kustomize.Harness.deploymentYaml;
import static dev.cairn.engine.kustomize.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.InventoryEntry;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.engine.Trigger;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Drift in the cluster is undone by the next reconcile; a CRD and its objects in one commit. */
@ExtendWith(ClusterExtension.class)
class KustomizationDriftIT {
  private static Harness h;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = Harness.start(cluster);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void editedAndDeletedObjectsAreRestored(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "drift");
    f.work().write("app/settings.yaml", configMapYaml("settings", "from-git"));
    f.work().write("app/web.yaml", deploymentYaml("v1"));
    f.commit("first");
    h.createSource(f);
    h.createKustomization(f, "app", "path: ./app\nprune: true\nwait: true\n");
    assertThat(ready(h.sync(f, "app")).getStatus()).isEqualTo("True");

    h.client
        .configMaps()
        .inNamespace(f.ns())
        .withName("settings")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"value\":\"edited\"}}");
    h.client
        .apps()
        .deployments()
        .inNamespace(f.ns())
        .withName("web")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":5}}");
    assertThat(h.configMap(f, "settings").getData()).containsEntry("value", "edited");

    h.kustomizations.reconcile(f.ns(), "app", Trigger.INTERVAL).orElseThrow();

    assertThat(h.configMap(f, "settings").getData()).containsEntry("value", "from-git");
    assertThat(
            h.client
                .apps()
                .deployments()
                .inNamespace(f.ns())
                .withName("web")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(1);

    h.client.apps().deployments().inNamespace(f.ns()).withName("web").delete();
    h.client.configMaps().inNamespace(f.ns()).withName("settings").delete();
    assertThat(h.configMap(f, "settings")).isNull();

    h.kustomizations.reconcile(f.ns(), "app", Trigger.INTERVAL).orElseThrow();

    KustomizationStatus status = h.live(f, "app").getStatus();
    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(h.configMap(f, "settings").getData()).containsEntry("value", "from-git");
    assertThat(h.client.apps().deployments().inNamespace(f.ns()).withName("web").get()).isNotNull();
    assertThat(status.getInventory().entries()).hasSize(2);
  }

  @Test
  void aCrdAndItsCustomResourcesInOneCommit(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "crd");
    f.work()
        .write(
            "app/crd.yaml",
            KustomizationFleetIT.WIDGET_CRD
                .replace("widgets.fleet.cairn.test", "gadgets.crd.cairn.test")
                .replace("group: fleet.cairn.test", "group: crd.cairn.test")
                .replace(
                    "plural: widgets, singular: widget, kind: Widget, listKind: WidgetList",
                    "plural: gadgets, singular: gadget, kind: Gadget, listKind: GadgetList"));
    f.work()
        .write(
            "app/gadgets.yaml",
            """
            apiVersion: crd.cairn.test/v1
            kind: Gadget
            metadata: {name: one}
            spec: {colour: red}
            ---
            apiVersion: crd.cairn.test/v1
            kind: Gadget
            metadata: {name: two}
            spec: {colour: blue}
            """);
    f.commit("crd and gadgets");
    h.createSource(f);
    h.createKustomization(f, "app", "path: ./app\nprune: true\nwait: true\n");

    KustomizationStatus status = h.sync(f, "app");

    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(status.getInventory().entries())
        .extracting(InventoryEntry::id)
        .containsExactlyInAnyOrder(
            "_gadgets.crd.cairn.test_apiextensions.k8s.io_CustomResourceDefinition",
            f.ns() + "_one_crd.cairn.test_Gadget",
            f.ns() + "_two_crd.cairn.test_Gadget");
    GenericKubernetesResource two =
        h.client
            .genericKubernetesResources(
                new ResourceDefinitionContext.Builder()
                    .withGroup("crd.cairn.test")
                    .withVersion("v1")
                    .withPlural("gadgets")
                    .withKind("Gadget")
                    .withNamespaced(true)
                    .build())
            .inNamespace(f.ns())
            .withName("two")
            .get();
    assertThat(two.getAdditionalProperties().get("spec")).isEqualTo(Map.of("colour", "blue"));
  }
}
