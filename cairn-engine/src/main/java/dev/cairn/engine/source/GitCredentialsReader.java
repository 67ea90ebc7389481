package dev.cairn.engine.source;

import dev.cairn.api.ConditionReasons;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.SecretData;
import dev.cairn.source.TlsSettings;
import dev.cairn.source.git.GitCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * Reads Git credentials from a Secret with Flux's keys: {@code username}/{@code password}, {@code
 * bearerToken}, {@code identity}/{@code identity.pub}/{@code known_hosts} (+ optional {@code
 * password} as the key passphrase for SSH), and for HTTPS {@code ca.crt} and a client certificate
 * ({@code tls.crt}/{@code tls.key}). Values never reach messages.
 */
public final class GitCredentialsReader {
  private final KubernetesClient client;

  public GitCredentialsReader(KubernetesClient client) {
    this.client = client;
  }

  /** What one Secret holds for a Git source: credentials and, for HTTPS, TLS settings. */
  public record GitSecret(GitCredentials credentials, TlsSettings tls) {}

  public GitSecret read(String namespace, String name, boolean ssh) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw new ReconcileException.Failed(
          ConditionReasons.AUTHENTICATION_FAILED,
          "failed to get secret '" + namespace + "/" + name + "': not found");
    }
    Map<String, String> data = SecretData.of(secret);
    TlsSettings tls = ssh ? TlsSettings.none() : TlsSecretKeys.from(data);
    GitCredentials credentials = credentials(data, ssh);
    if (credentials == null && tls.isDefault()) {
      throw new ReconcileException.Stalled(
          ConditionReasons.AUTHENTICATION_FAILED,
          "secret '"
              + namespace
              + "/"
              + name
              + "' has none of the keys username+password, bearerToken, identity, ca.crt or"
              + " tls.crt+tls.key");
    }
    return new GitSecret(credentials == null ? GitCredentials.none() : credentials, tls);
  }

  private static GitCredentials credentials(Map<String, String> data, boolean ssh) {
    if (ssh && data.containsKey("identity")) {
      return GitCredentials.ssh(data.get("identity"), data.get("password"), data.get("known_hosts"))
          .withUsername(data.get("username"));
    }
    if (data.containsKey("bearerToken")) {
      return GitCredentials.bearer(data.get("bearerToken"));
    }
    if (data.containsKey("username") && data.containsKey("password")) {
      return GitCredentials.basic(data.get("username"), data.get("password"));
    }
    return null;
  }
}
