package dev.cairn.engine.source;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.source.OciRepositorySpec;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.SecretData;
import dev.cairn.source.TlsSettings;
import dev.cairn.source.helm.HelmCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.util.Map;

/**
 * Reads an OCIRepository's Secrets as Flux does: registry credentials from the {@code
 * kubernetes.io/dockerconfigjson} Secret of {@code spec.secretRef} (the entry for the URL's host),
 * TLS from {@code spec.certSecretRef} ({@code ca.crt}, {@code tls.crt}, {@code tls.key}). Secret
 * values never reach messages.
 */
final class OciRepositoryAccess {
  static final String DOCKER_CONFIG_KEY = ".dockerconfigjson";

  private final KubernetesClient client;

  OciRepositoryAccess(KubernetesClient client) {
    this.client = client;
  }

  HelmCredentials credentials(String namespace, OciRepositorySpec spec) {
    if (spec.secretRef() == null) {
      return HelmCredentials.none();
    }
    String name = spec.secretRef().name();
    String document = read(namespace, name).get(DOCKER_CONFIG_KEY);
    if (document == null) {
      throw new ReconcileException.Failed(
          ConditionReasons.AUTHENTICATION_FAILED,
          "secret '" + namespace + "/" + name + "' has no '" + DOCKER_CONFIG_KEY + "' key");
    }
    try {
      return DockerConfigCredentials.forHost(document, host(spec.url()));
    } catch (IllegalArgumentException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.AUTHENTICATION_FAILED,
          "secret '" + namespace + "/" + name + "': " + e.getMessage());
    }
  }

  TlsSettings tls(String namespace, OciRepositorySpec spec) {
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

  /** {@code host[:port]} of an {@code oci://} URL; empty when it does not parse. */
  static String host(String url) {
    try {
      URI uri = new URI(url == null ? "" : url.strip());
      return uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    } catch (java.net.URISyntaxException e) {
      return "";
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
