package dev.cairn.source.helm;

import java.time.Duration;
import java.util.Objects;

/**
 * A Helm repository, mirroring Flux's {@code HelmRepository.spec}.
 *
 * @param url {@code http(s)://} for {@code type: default}, {@code oci://} for {@code type: oci}
 * @param type how charts are served
 * @param credentials basic auth, sent only to the repository's own host and port
 * @param insecure for https: skip certificate verification; for oci: allow plain HTTP
 * @param timeout for each HTTP request
 * @param caCertificate PEM certificate(s) to trust for https instead of the JDK's defaults (Flux's
 *     {@code certSecretRef} {@code ca.crt}), or null
 */
public record HelmRepositorySpec(
    String url,
    Type type,
    HelmCredentials credentials,
    boolean insecure,
    Duration timeout,
    String caCertificate) {
  public HelmRepositorySpec {
    Objects.requireNonNull(url, "url");
    type = type == null ? Type.DEFAULT : type;
    credentials = credentials == null ? HelmCredentials.none() : credentials;
    timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
  }

  /** {@code type: default}, no credentials, secure, 60 s timeout. */
  public static HelmRepositorySpec of(String url) {
    return new HelmRepositorySpec(url, Type.DEFAULT, null, false, null, null);
  }

  public HelmRepositorySpec withType(Type value) {
    return new HelmRepositorySpec(url, value, credentials, insecure, timeout, caCertificate);
  }

  public HelmRepositorySpec withCredentials(HelmCredentials value) {
    return new HelmRepositorySpec(url, type, value, insecure, timeout, caCertificate);
  }

  public HelmRepositorySpec withInsecure(boolean value) {
    return new HelmRepositorySpec(url, type, credentials, value, timeout, caCertificate);
  }

  public HelmRepositorySpec withTimeout(Duration value) {
    return new HelmRepositorySpec(url, type, credentials, insecure, value, caCertificate);
  }

  public HelmRepositorySpec withCaCertificate(String pem) {
    return new HelmRepositorySpec(url, type, credentials, insecure, timeout, pem);
  }

  /** Flux's {@code spec.type}. */
  public enum Type {
    DEFAULT,
    OCI
  }
}
