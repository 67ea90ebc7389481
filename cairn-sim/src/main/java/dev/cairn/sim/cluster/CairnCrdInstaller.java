package dev.cairn.sim.cluster;

import dev.cairn.api.schema.CairnCrds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** Installs Cairn's CRDs into a test cluster (server-side apply, so again is harmless). */
public final class CairnCrdInstaller {
  private CairnCrdInstaller() {}

  /** Every kind of {@link CairnCrds#KINDS}. */
  public static void installAll(KubernetesClient client) {
    install(client, CairnCrds.KINDS);
  }

  /** Only the CRDs of {@code kinds}. */
  public static void install(KubernetesClient client, List<Class<? extends HasMetadata>> kinds) {
    for (Class<? extends HasMetadata> kind : kinds) {
      CustomResourceDefinition crd =
          client
              .getKubernetesSerialization()
              .convertValue(CairnCrds.crd(kind), CustomResourceDefinition.class);
      client.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
    }
  }
}
