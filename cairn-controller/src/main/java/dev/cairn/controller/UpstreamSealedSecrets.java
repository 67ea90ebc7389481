package dev.cairn.controller;

import dev.cairn.api.sealed.SealedSecret;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Bitnami's sealed-secrets controller in a cluster, so that Cairn leaves SealedSecrets to it:
 * a Deployment or Service named {@code sealed-secrets-controller} or {@code sealed-secrets} in any
 * namespace, or a SealedSecret CRD without Cairn's label.
 */
final class UpstreamSealedSecrets {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamSealedSecrets.class);
  static final Set<String> NAMES = Set.of("sealed-secrets-controller", "sealed-secrets");

  private UpstreamSealedSecrets() {}

  /** What shows the upstream controller is there (e.g. "Deployment kube-system/sealed-secrets"). */
  static Optional<String> find(KubernetesClient client) {
    try {
      Optional<String> crd = foreignCrd(client);
      if (crd.isPresent()) {
        return crd;
      }
      Stream<HasMetadata> workloads =
          Stream.concat(
              client.apps().deployments().inAnyNamespace().list().getItems().stream(),
              client.services().inAnyNamespace().list().getItems().stream());
      return workloads
          .filter(o -> NAMES.contains(o.getMetadata().getName()))
          .map(
              o ->
                  o.getKind()
                      + " "
                      + o.getMetadata().getNamespace()
                      + "/"
                      + o.getMetadata().getName())
          .findFirst();
    } catch (KubernetesClientException e) {
      LOG.debug("cannot look for the sealed-secrets controller: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<String> foreignCrd(KubernetesClient client) {
    CustomResourceDefinition crd =
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(SealedSecret.CRD_NAME)
            .get();
    if (crd == null) {
      return Optional.empty();
    }
    Map<String, String> labels = crd.getMetadata().getLabels();
    boolean ours =
        labels != null && SealedSecret.MANAGED_BY.equals(labels.get(SealedSecret.MANAGED_BY_LABEL));
    return ours
        ? Optional.empty()
        : Optional.of(
            "CustomResourceDefinition "
                + SealedSecret.CRD_NAME
                + " without the label "
                + SealedSecret.MANAGED_BY_LABEL
                + "="
                + SealedSecret.MANAGED_BY);
  }
}
