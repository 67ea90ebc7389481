package dev.cairn.engine.image;

import dev.cairn.api.image.ImageRepository;
import dev.cairn.api.source.AccessFrom;
import dev.cairn.engine.ReconcileException;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * Flux's rule for an ImagePolicy naming an ImageRepository of another namespace: allowed only when
 * one of the repository's {@code spec.accessFrom.namespaceSelectors} matches the labels of the
 * policy's namespace (an empty {@code matchLabels} matches every namespace).
 */
final class CrossNamespaceAccess {
  private CrossNamespaceAccess() {}

  static void check(KubernetesClient client, ImageRepository repository, String namespace) {
    AccessFrom access = repository.getSpec().accessFrom();
    String where =
        repository.getMetadata().getNamespace() + "/" + repository.getMetadata().getName();
    if (access != null && access.namespaceSelectors() != null) {
      Namespace ns = client.namespaces().withName(namespace).get();
      Map<String, String> labels =
          ns == null || ns.getMetadata().getLabels() == null
              ? Map.of()
              : ns.getMetadata().getLabels();
      for (AccessFrom.NamespaceSelector selector : access.namespaceSelectors()) {
        Map<String, String> wanted =
            selector.matchLabels() == null ? Map.of() : selector.matchLabels();
        if (labels.entrySet().containsAll(wanted.entrySet())) {
          return;
        }
      }
    }
    throw new ReconcileException.Stalled(
        ImageReasons.ACCESS_DENIED,
        "ImageRepository '"
            + where
            + "' does not allow access from namespace '"
            + namespace
            + "' (spec.accessFrom)");
  }
}
