package dev.cairn.source.helm;

import dev.cairn.source.TlsSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * A Helm repository, mirroring Flux's {@code HelmRepository.spec}.
 *
 * @param url {@code http(s)://} for {@code type: default}, {@code oci://} for {@code type: oci}
 * @param type how charts are served
 * @param credentials basic auth, sent only to the repository's own host and port unless {@code
 *     passCredentials}
 * @param insecure for https: skip certificate verification; for oci: allow plain HTTP
 * @param timeout for each HTTP request
 * @param tls CA to trust and client certificate to present (Flux's {@code certSecretRef}: {@code
 *     ca.crt}, {@code tls.crt}, {@code tls.key})
 * @param passCredentials also send the credentials to chart URLs on other hosts (Flux's field of
 *     the same name; for {@code type: default})
 */
public record HelmRepositorySpec(
    String url,
    Type type,
    HelmCredentials credentials,
    boolean insecure,
    Duration timeout,
    TlsSettings tls,
    boolean passCredentials) {
  public HelmRepositorySpec {
    Objects.requireNonNull(url, "url");
    type = type == null ? Type.DEFAULT : type;
    credentials = credentials == null ? HelmCredentials.none() : credentials;
    timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    tls = tls == null ? TlsSettings.none() : tls;
  }

  /** {@code type: default}, no credentials, secure, 60 s timeout. */
  public static HelmRepositorySpec of(String url) {
    return new HelmRepositorySpec(url, Type.DEFAULT, null, false, null, null, false);
  }

  public HelmRepositorySpec withType(Type value) {
    return new HelmRepositorySpec(url, value, credentials, insecure, timeout, tls, passCredentials);
  }

  public HelmRepositorySpec withCredentials(HelmCredentials value) {
    return new HelmRepositorySpec(url, type, value, insecure, timeout, tls, passCredentials);
  }

  public HelmRepositorySpec withInsecure(boolean value) {
    return new HelmRepositorySpec(url, type, credentials, value, timeout, tls, passCredentials);
  }

  public HelmRepositorySpec withTimeout(Duration value) {
    return new HelmRepositorySpec(url, type, credentials, insecure, value, tls, passCredentials);
  }

  public HelmRepositorySpec withTls(TlsSettings value) {
    return new HelmRepositorySpec(
        url, type, credentials, insecure, timeout, value, passCredentials);
  }

  /**
   * Flux's {@code passCredentials}: also send the credentials to chart URLs the index lists on
   * other hosts (never on a redirect).
   */
  public HelmRepositorySpec withPassCredentials(boolean value) {
    return new HelmRepositorySpec(url, type, credentials, insecure, timeout, tls, value);
  }

  /** Trust exactly {@code pem} (Flux's {@code ca.crt}), keeping any client certificate. */
  public HelmRepositorySpec withCaCertificate(String pem) {
    return withTls(new TlsSettings(pem, tls.clientCertificate(), tls.clientKey()));
  }

  /** Flux's {@code spec.type}. */
  public enum Type {
    DEFAULT,
    OCI
  }
}
