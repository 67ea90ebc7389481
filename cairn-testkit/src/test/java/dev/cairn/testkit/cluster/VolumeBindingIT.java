package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Claims bind as with a dynamic provisioner, for any storage class, unless the class is kept
 * pending; the volume goes with the claim.
 */
@ExtendWith(ClusterExtension.class)
class VolumeBindingIT {
  private KubernetesClient client;
  private String ns;

  @BeforeEach
  void namespace(TestCluster cluster) {
    client = cluster.client();
    ns = cluster.createNamespace("volumes");
  }

  @Test
  void aClaimOfAnyClassIsBoundToAProvisionedVolume() {
    client.persistentVolumeClaims().inNamespace(ns).resource(claim("data", "fast-ssd")).create();

    PersistentVolumeClaim bound = awaitPhase("data", "Bound");

    String volumeName = bound.getSpec().getVolumeName();
    assertThat(volumeName).isEqualTo("pvc-" + bound.getMetadata().getUid());
    assertThat(bound.getStatus().getCapacity().get("storage").toString()).isEqualTo("3Gi");
    assertThat(bound.getStatus().getAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(bound.getMetadata().getAnnotations())
        .containsEntry("pv.kubernetes.io/bind-completed", "yes");
    PersistentVolume volume = client.persistentVolumes().withName(volumeName).get();
    assertThat(volume.getStatus().getPhase()).isEqualTo("Bound");
    assertThat(volume.getSpec().getStorageClassName()).isEqualTo("fast-ssd");
    assertThat(volume.getSpec().getCapacity().get("storage").toString()).isEqualTo("3Gi");
    assertThat(volume.getSpec().getClaimRef().getName()).isEqualTo("data");
    assertThat(volume.getSpec().getClaimRef().getNamespace()).isEqualTo(ns);
    assertThat(volume.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Delete");

    client.persistentVolumeClaims().inNamespace(ns).withName("data").delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.persistentVolumes().withName(volumeName).get() == null);
  }

  @Test
  void aClassKeptPendingStaysPendingUntilProvisioned(TestCluster cluster) {
    var volumes = cluster.simulated().orElseThrow().volumes();
    volumes.keepPending("slow");
    client.persistentVolumeClaims().inNamespace(ns).resource(claim("later", "slow")).create();
    client.persistentVolumeClaims().inNamespace(ns).resource(claim("now", "standard")).create();

    awaitPhase("now", "Bound");
    PersistentVolumeClaim waiting =
        client.persistentVolumeClaims().inNamespace(ns).withName("later").get();
    assertThat(waiting.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(waiting.getSpec().getVolumeName()).isNull();

    volumes.provision("slow");

    awaitPhase("later", "Bound");
  }

  private PersistentVolumeClaim awaitPhase(String name, String phase) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> client.persistentVolumeClaims().inNamespace(ns).withName(name).get(),
            c -> c != null && c.getStatus() != null && phase.equals(c.getStatus().getPhase()));
  }

  private static PersistentVolumeClaim claim(String name, String storageClass) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withStorageClassName(storageClass)
        .withAccessModes("ReadWriteOnce")
        .withNewResources()
        .addToRequests("storage", new Quantity("3Gi"))
        .endResources()
        .endSpec()
        .build();
  }
}
