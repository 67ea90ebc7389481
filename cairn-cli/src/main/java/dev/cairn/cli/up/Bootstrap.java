package dev.cairn.cli.up;

import dev.cairn.api.CairnApi;
import dev.cairn.api.schema.CairnCrds;
import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What {@code flux bootstrap} leaves in a cluster, the Cairn way: the CRDs, namespace {@value
 * #NAME}, a GitRepository and a root Kustomization both called {@value #NAME}.
 */
public final class Bootstrap {
  public static final String NAME = "cairn-system";
  static final String FIELD_MANAGER = "cairn-up";

  /** The repository to sync and where in it the cluster's directory is. */
  public record Source(String url, String branch, String path, String interval) {}

  private final KubernetesClient client;

  public Bootstrap(KubernetesClient client) {
    this.client = client;
  }

  public void apply(Source source) {
    installCrds();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NAME).endMetadata().build())
        .fieldManager(FIELD_MANAGER)
        .serverSideApply();
    apply(
        CairnKind.GitRepository,
        Map.of(
            "url", source.url(),
            "interval", source.interval(),
            "ref", Map.of("branch", source.branch())));
    Map<String, Object> kustomization = new LinkedHashMap<>();
    kustomization.put("interval", "10m");
    kustomization.put("retryInterval", "10s");
    kustomization.put("path", source.path());
    kustomization.put("prune", true);
    kustomization.put("sourceRef", Map.of("kind", "GitRepository", "name", NAME));
    apply(CairnKind.Kustomization, kustomization);
  }

  /**
   * The CRDs of every Cairn kind, by server-side apply, then waits until each is Established: a
   * real API server establishes a CRD asynchronously and answers 404 for its objects until then.
   */
  public void installCrds() {
    for (var kind : CairnCrds.KINDS) {
      CustomResourceDefinition crd =
          client
              .getKubernetesSerialization()
              .convertValue(CairnCrds.crd(kind), CustomResourceDefinition.class);
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(crd)
          .fieldManager(FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
    }
    for (var kind : CairnCrds.KINDS) {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(CairnCrds.crd(kind).path("metadata").path("name").asText())
          .waitUntilCondition(CairnCrdInstaller::established, 60, TimeUnit.SECONDS);
    }
  }

  private void apply(CairnKind kind, Map<String, Object> spec) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(CairnApi.API_VERSION);
    object.setKind(kind.name());
    object.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(NAME)
            .withNamespace(NAME)
            .build());
    object.setAdditionalProperty("spec", spec);
    client
        .genericKubernetesResources(kind.context())
        .inNamespace(NAME)
        .resource(object)
        .fieldManager(FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }
}
