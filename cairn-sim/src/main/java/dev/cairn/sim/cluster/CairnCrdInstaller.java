package dev.cairn.sim.cluster;

import dev.cairn.api.schema.CairnCrds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs Cairn's CRDs into a test cluster (server-side apply, so again is harmless) and waits
 * until each is Established, since a CRD is served only then (on a real server and on the simulated
 * one alike).
 */
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
    for (Class<? extends HasMetadata> kind : kinds) {
      String name = CairnCrds.crd(kind).path("metadata").path("name").asText();
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(name)
          .waitUntilCondition(CairnCrdInstaller::established, 30, TimeUnit.SECONDS);
    }
  }

  /** Whether {@code crd} reports Established=True. */
  public static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
