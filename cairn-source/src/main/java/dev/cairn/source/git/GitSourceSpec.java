package dev.cairn.source.git;

import dev.cairn.source.TlsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to fetch from Git, mirroring Flux's {@code GitRepository.spec}.
 *
 * @param url {@code https://}, {@code http://}, {@code ssh://} or {@code file://} URL, no password
 *     in it
 * @param ref which reference to check out
 * @param timeout for each network operation
 * @param credentials basic, bearer or SSH credentials; {@link GitCredentials#none()} for none
 * @param ignore extra ignore patterns in {@code .sourceignore} (gitignore) syntax, one per entry
 * @param verify signature verification, or null for none
 * @param tls for https: CA to trust and client certificate to present (Flux's {@code ca.crt},
 *     {@code tls.crt}, {@code tls.key})
 * @param sparseCheckout directories (relative to the root) the artifact is limited to; empty for
 *     the whole tree (Flux's {@code spec.sparseCheckout})
 * @param recurseSubmodules whether submodules are fetched and archived in place of their gitlinks
 *     (Flux's {@code spec.recurseSubmodules})
 */
public record GitSourceSpec(
    String url,
    GitRef ref,
    Duration timeout,
    GitCredentials credentials,
    List<String> ignore,
    VerifySpec verify,
    TlsSettings tls,
    List<String> sparseCheckout,
    boolean recurseSubmodules) {
  public GitSourceSpec {
    Objects.requireNonNull(url, "url");
    ref = ref == null ? GitRef.defaults() : ref;
    timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    credentials = credentials == null ? GitCredentials.none() : credentials;
    ignore = ignore == null ? List.of() : List.copyOf(ignore);
    tls = tls == null ? TlsSettings.none() : tls;
    sparseCheckout = sparseCheckout == null ? List.of() : List.copyOf(sparseCheckout);
  }

  /** Branch {@code master}, 60 s timeout, no credentials, no extra ignores, no verification. */
  public static GitSourceSpec of(String url) {
    return new GitSourceSpec(url, GitRef.defaults(), null, null, null, null, null, null, false);
  }

  public GitSourceSpec withRef(GitRef value) {
    return new GitSourceSpec(
        url, value, timeout, credentials, ignore, verify, tls, sparseCheckout, recurseSubmodules);
  }

  public GitSourceSpec withTimeout(Duration value) {
    return new GitSourceSpec(
        url, ref, value, credentials, ignore, verify, tls, sparseCheckout, recurseSubmodules);
  }

  public GitSourceSpec withCredentials(GitCredentials value) {
    return new GitSourceSpec(
        url, ref, timeout, value, ignore, verify, tls, sparseCheckout, recurseSubmodules);
  }

  public GitSourceSpec withIgnore(List<String> value) {
    return new GitSourceSpec(
        url, ref, timeout, credentials, value, verify, tls, sparseCheckout, recurseSubmodules);
  }

  public GitSourceSpec withTls(TlsSettings value) {
    return new GitSourceSpec(
        url, ref, timeout, credentials, ignore, verify, value, sparseCheckout, recurseSubmodules);
  }

  /** Trust exactly {@code pem} (Flux's {@code ca.crt}), keeping any client certificate. */
  public GitSourceSpec withCaCertificate(String pem) {
    return withTls(new TlsSettings(pem, tls.clientCertificate(), tls.clientKey()));
  }

  public GitSourceSpec withSparseCheckout(List<String> value) {
    return new GitSourceSpec(
        url, ref, timeout, credentials, ignore, verify, tls, value, recurseSubmodules);
  }

  public GitSourceSpec withRecurseSubmodules(boolean value) {
    return new GitSourceSpec(
        url, ref, timeout, credentials, ignore, verify, tls, sparseCheckout, value);
  }

  public GitSourceSpec withVerify(VerifySpec value) {
    return new GitSourceSpec(
        url, ref, timeout, credentials, ignore, value, tls, sparseCheckout, recurseSubmodules);
  }
}
