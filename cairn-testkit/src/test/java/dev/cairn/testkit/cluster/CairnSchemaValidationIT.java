package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.cluster.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cairn's own CRDs installed in the simulated cluster with its default validator: Cairn objects
 * that break their schema are refused with 422, as a real API server refuses them.
 */
class CairnSchemaValidationIT {

  private static SimulatedCluster cluster;

  @BeforeAll
  static void start() {
    cluster = SimulatedCluster.start();
    CairnCrdInstaller.installAll(cluster.client());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static GenericKubernetesResource kustomization(String name, String spec) {
    return Serialization.unmarshal(
        "apiVersion: cairn.dev/v1\nkind: Kustomization\nmetadata:\n  name: "
            + name
            + "\n  namespace: default\nspec:\n"
            + spec,
        GenericKubernetesResource.class);
  }

  @Test
  void aKustomizationMissingRequiredFieldsIsRefused() {
    KubernetesClient client = cluster.client();
    GenericKubernetesResource bad = kustomization("bad", "  path: ./apps\n  interval: 5x\n");
    assertThatThrownBy(() -> client.resource(bad).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getStatus().getMessage())
                  .startsWith("Kustomization.cairn.dev \"bad\" is invalid: ")
                  .contains("spec.sourceRef: Required value")
                  .contains("spec.interval");
            });
    assertThat(client.resource(bad).get()).isNull();
  }

  @Test
  void aValidKustomizationIsStored() {
    KubernetesClient client = cluster.client();
    GenericKubernetesResource good =
        kustomization(
            "good",
            "  interval: 10m\n  path: ./apps\n  prune: true\n"
                + "  sourceRef:\n    kind: GitRepository\n    name: flux-system\n");
    client.resource(good).fieldManager("cairn").serverSideApply();
    assertThat(client.resource(good).get().getAdditionalProperties().get("spec"))
        .asString()
        .contains("flux-system");
  }
}
