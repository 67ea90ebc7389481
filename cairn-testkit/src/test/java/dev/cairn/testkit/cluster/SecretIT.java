package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClusterExtension.class)
class SecretIT {

  @Test
  void stringDataIsFoldedIntoDataAndNeverStored(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    String ns = cluster.createNamespace("secret");
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName("creds")
            .withNamespace(ns)
            .endMetadata()
            .withStringData(Map.of("user", "admin"))
            .build();

    Secret applied =
        client.secrets().inNamespace(ns).resource(secret).fieldManager("cairn").serverSideApply();
    Secret live = client.secrets().inNamespace(ns).withName("creds").get();

    String encoded = Base64.getEncoder().encodeToString("admin".getBytes());
    assertThat(applied.getData()).containsEntry("user", encoded);
    assertThat(live.getData()).containsEntry("user", encoded);
    assertThat(live.getStringData()).isNullOrEmpty();
  }
}
