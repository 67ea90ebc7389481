package dev.cairn.engine.image;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.image.ImageRepositorySpec;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.SecretData;
import dev.cairn.engine.source.DockerConfigCredentials;
import dev.cairn.engine.source.TlsSecretKeys;
import dev.cairn.source.TlsSettings;
import dev.cairn.source.helm.HelmCredentials;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * Reads an ImageRepository's Secrets as Flux does: the {@code .dockerconfigjson} entry for the
 * registry host from {@code spec.secretRef}, else from the image pull secrets of {@code
 * spec.serviceAccountName}; TLS from {@code spec.certSecretRef}. Secret values never reach
 * messages.
 */
final class RegistryAccess {
  private static final String DOCKER_CONFIG_KEY = ".dockerconfigjson";

  private final KubernetesClient client;

  RegistryAccess(KubernetesClient client) {
    this.client = client;
  }

  HelmCredentials credentials(String namespace, ImageRepositorySpec spec, String host) {
    if (spec.secretRef() != null) {
      return fromSecret(namespace, spec.secretRef().name(), host, true);
    }
    if (spec.serviceAccountName() == null || spec.serviceAccountName().isEmpty()) {
      return HelmCredentials.none();
    }
    ServiceAccount account =
        client.serviceAccounts().inNamespace(namespace).withName(spec.serviceAccountName()).get();
    if (account == null) {
      throw new ReconcileException.Failed(
          ConditionReasons.AUTHENTICATION_FAILED,
          "service account '" + namespace + "/" + spec.serviceAccountName() + "' not found");
    }
    List<LocalObjectReference> pullSecrets =
        account.getImagePullSecrets() == null ? List.of() : account.getImagePullSecrets();
    for (LocalObjectReference ref : pullSecrets) {
      HelmCredentials found = fromSecret(namespace, ref.getName(), host, false);
      if (found.present()) {
        return found;
      }
    }
    return HelmCredentials.none();
  }

  TlsSettings tls(String namespace, ImageRepositorySpec spec) {
    if (spec.certSecretRef() == null) {
      return TlsSettings.none();
    }
    String name = spec.certSecretRef().name();
    Map<String, String> data = read(namespace, name);
    if (!TlsSecretKeys.present(data)) {
      throw new ReconcileException.Failed(
          ConditionReasons.AUTHENTICATION_FAILED,
          "secret '"
              + namespace
              + "/"
              + name
              + "' has none of the keys 'ca.crt', 'tls.crt' and 'tls.key'");
    }
    return TlsSecretKeys.from(data);
  }

  private HelmCredentials fromSecret(String namespace, String name, String host, boolean required) {
    String document = read(namespace, name).get(DOCKER_CONFIG_KEY);
    if (document == null) {
      if (!required) {
        return HelmCredentials.none();
      }
      throw new ReconcileException.Failed(
          ConditionReasons.AUTHENTICATION_FAILED,
          "secret '" + namespace + "/" + name + "' has no '" + DOCKER_CONFIG_KEY + "' key");
    }
    try {
      return DockerConfigCredentials.forHost(document, host);
    } catch (IllegalArgumentException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.AUTHENTICATION_FAILED,
          "secret '" + namespace + "/" + name + "': " + e.getMessage());
    }
  }

  private Map<String, String> read(String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw new ReconcileException.Failed(
          ConditionReasons.AUTHENTICATION_FAILED,
          "failed to get secret '" + namespace + "/" + name + "': not found");
    }
    return SecretData.of(secret);
  }
}
