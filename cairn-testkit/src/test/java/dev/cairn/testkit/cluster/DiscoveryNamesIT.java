package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sim.cluster.CairnCrdInstaller;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Discovery gives the short names and categories kube-apiserver gives, so {@code kubectl get
 * deploy}, {@code kubectl get ks} and {@code kubectl get all} resolve: built-in resources as their
 * registries declare them, custom resources from their CRD's {@code spec.names}.
 */
@ExtendWith(ClusterExtension.class)
class DiscoveryNamesIT {

  @Test
  void builtInResourcesHaveTheirShortNamesAndCategories(TestCluster cluster) {
    KubernetesClient client = cluster.client();

    APIResource deployments = resource(client, "apps/v1", "deployments");
    APIResource services = resource(client, "v1", "services");
    APIResource configMaps = resource(client, "v1", "configmaps");

    assertThat(deployments.getShortNames()).containsExactly("deploy");
    assertThat(deployments.getCategories()).containsExactly("all");
    assertThat(services.getShortNames()).containsExactly("svc");
    assertThat(services.getCategories()).containsExactly("all");
    assertThat(configMaps.getShortNames()).containsExactly("cm");
    assertThat(configMaps.getCategories()).isNullOrEmpty();
  }

  @Test
  void customResourcesTakeTheirNamesFromTheCrd(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    CairnCrdInstaller.installAll(client);

    APIResource kustomizations = resource(client, "cairn.dev/v1", "kustomizations");

    assertThat(kustomizations.getShortNames()).contains("ks");
  }

  private static APIResource resource(KubernetesClient client, String groupVersion, String name) {
    return client.getApiResources(groupVersion).getResources().stream()
        .filter(r -> r.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + groupVersion));
  }
}
