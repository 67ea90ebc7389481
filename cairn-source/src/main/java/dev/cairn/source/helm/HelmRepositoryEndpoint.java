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
public record HelmRepositoryEndpoint(
    String url,
    Type type,
    HelmCredentials credentials,
    boolean insecure,
    Duration timeout,
    TlsSettings tls,
    boolean passCredentials) {
  public HelmRepositoryEndpoint {
    Objects.requireNonNull(url, "url");
    type = type == null ? Type.DEFAULT : type;
    credentials = credentials == null ? HelmCredentials.none() : credentials;
    timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    tls = tls == null ? TlsSettings.none() : tls;
  }

  /** {@code type: default}, no credentials, secure, 60 s timeout. */
  public static HelmRepositoryEndpoint of(String url) {
    return new HelmRepositoryEndpoint(url, Type.DEFAULT, null, false, null, null, false);
  }

  public HelmRepositoryEndpoint withType(Type value) {
    return new HelmRepositoryEndpoint(
        url, value, credentials, insecure, timeout, tls, passCredentials);
  }

  public HelmRepositoryEndpoint withCredentials(HelmCredentials value) {
    return new HelmRepositoryEndpoint(url, type, value, insecure, timeout, tls, passCredentials);
  }

  public HelmRepositoryEndpoint withInsecure(boolean value) {
    return new HelmRepositoryEndpoint(url, type, credentials, value, timeout, tls, passCredentials);
  }

  public HelmRepositoryEndpoint withTimeout(Duration value) {
    return new HelmRepositoryEndpoint(
        url, type, credentials, insecure, value, tls, passCredentials);
  }

  public HelmRepositoryEndpoint withTls(TlsSettings value) {
    return new HelmRepositoryEndpoint(
        url, type, credentials, insecure, timeout, value, passCredentials);
  }

  /**
   * Flux's {@code passCredentials}: also send the credentials to chart URLs the index lists on
   * other hosts (never on a redirect).
   */
  public HelmRepositoryEndpoint withPassCredentials(boolean value) {
    return new HelmRepositoryEndpoint(url, type, credentials, insecure, timeout, tls, value);
  }

  /** Trust exactly {@code pem} (Flux's {@code ca.crt}), keeping any client certificate. */
  public HelmRepositoryEndpoint withCaCertificate(String pem) {
    return withTls(new TlsSettings(pem, tls.clientCertificate(), tls.clientKey()));
  }

  /** Flux's {@code spec.type}. */
  public enum Type {
    DEFAULT,
    OCI
  }
}
