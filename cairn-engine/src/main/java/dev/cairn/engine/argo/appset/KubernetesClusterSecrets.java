package dev.cairn.engine.argo.appset;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo CD cluster Secrets ({@code argocd.argoproj.io/secret-type: cluster}) in one namespace, the
 * ApplicationSet's, as Argo CD reads them from its own. Only {@code name}, {@code server} and
 * {@code project} are decoded; {@code config} (the credentials) is never read.
 */
public final class KubernetesClusterSecrets implements ClusterSecrets {
  static final String SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type";

  private final KubernetesClient client;
  private final String namespace;

  public KubernetesClusterSecrets(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  @Override
  public List<Cluster> clusters() {
    List<Cluster> out = new ArrayList<>();
    for (Secret secret :
        client
            .secrets()
            .inNamespace(namespace)
            .withLabel(SECRET_TYPE_LABEL, "cluster")
            .list()
            .getItems()) {
      Map<String, String> labels = secret.getMetadata().getLabels();
      Map<String, String> annotations = secret.getMetadata().getAnnotations();
      out.add(
          new Cluster(
              field(secret, "name"),
              field(secret, "server"),
              field(secret, "project"),
              labels == null ? Map.of() : new LinkedHashMap<>(labels),
              annotations == null ? Map.of() : new LinkedHashMap<>(annotations)));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  private static String field(Secret secret, String key) {
    if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
      return secret.getStringData().get(key);
    }
    String encoded = secret.getData() == null ? null : secret.getData().get(key);
    return encoded == null
        ? ""
        : new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }
}
