package dev.cairn.engine.source;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.HelmRepositorySpec;
import dev.cairn.api.source.HelmRepositoryType;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.SecretData;
import dev.cairn.source.TlsSettings;
import dev.cairn.source.helm.HelmCredentials;
import dev.cairn.source.helm.HelmRepositoryEndpoint;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;

/**
 * Turns a HelmRepository into cairn-source's request: URL, type, timeout, {@code insecure}, basic
 * credentials from {@code spec.secretRef} ({@code username}/{@code password}) and TLS from {@code
 * spec.certSecretRef} ({@code ca.crt}, {@code tls.crt}, {@code tls.key}; Flux's deprecated TLS keys
 * in {@code secretRef} are read when there is no {@code certSecretRef}), as Flux reads them. Secret
 * values never reach messages.
 */
final class HelmRepositoryAccess {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final KubernetesClient client;

  HelmRepositoryAccess(KubernetesClient client) {
    this.client = client;
  }

  /** The request for {@code repository}, reading its Secrets. */
  HelmRepositoryEndpoint request(HelmRepository repository) {
    HelmRepositorySpec spec = repository.getSpec();
    String namespace = repository.getMetadata().getNamespace();
    HelmCredentials credentials = HelmCredentials.none();
    TlsSettings tls = TlsSettings.none();
    if (spec.secretRef() != null) {
      Map<String, String> data = read(namespace, spec.secretRef().name());
      String username = data.get("username");
      String password = data.get("password");
      if (username != null || password != null || !TlsSecretKeys.present(data)) {
        if (username == null || username.isEmpty() || password == null) {
          throw new ReconcileException.Failed(
              ConditionReasons.AUTHENTICATION_FAILED,
              "invalid '"
                  + spec.secretRef().name()
                  + "' secret data: required fields 'username' and 'password'");
        }
        credentials = HelmCredentials.basic(username, password);
      }
      // Flux's deprecated place for TLS keys; certSecretRef, when set, replaces it
      tls = TlsSecretKeys.from(data);
    }
    if (spec.certSecretRef() != null) {
      Map<String, String> data = read(namespace, spec.certSecretRef().name());
      if (!TlsSecretKeys.present(data)) {
        throw new ReconcileException.Failed(
            ConditionReasons.AUTHENTICATION_FAILED,
            "secret '"
                + namespace
                + "/"
                + spec.certSecretRef().name()
                + "' has none of the keys 'ca.crt', 'tls.crt' and 'tls.key'");
      }
      tls = TlsSecretKeys.from(data);
    }
    return new HelmRepositoryEndpoint(
        spec.url(),
        isOci(spec) ? HelmRepositoryEndpoint.Type.OCI : HelmRepositoryEndpoint.Type.DEFAULT,
        credentials,
        Boolean.TRUE.equals(spec.insecure()),
        timeout(spec),
        tls,
        Boolean.TRUE.equals(spec.passCredentials()));
  }

  static boolean isOci(HelmRepositorySpec spec) {
    return spec.type() == HelmRepositoryType.OCI;
  }

  /** {@code spec.timeout}, 60 s when unset; null when it does not parse. */
  static Duration timeout(HelmRepositorySpec spec) {
    if (spec.timeout() == null || spec.timeout().isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    try {
      return FluxDuration.parse(spec.timeout());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Map<String, String> read(String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw new ReconcileException.Failed(
          ConditionReasons.AUTHENTICATION_FAILED,
          "failed to get secret '" + namespace + "/" + name + "': not found");
    }
    Map<String, String> data = SecretData.of(secret);
    return data;
  }
}
