package dev.cairn.source.git;

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
 * @param caCertificate PEM certificate(s) to trust for https instead of the JDK's defaults (Flux's
 *     {@code certSecretRef} {@code ca.crt}), or null
 */
public record GitSourceSpec(
    String url,
    GitRef ref,
    Duration timeout,
    GitCredentials credentials,
    List<String> ignore,
    VerifySpec verify,
    String caCertificate) {
  public GitSourceSpec {
    Objects.requireNonNull(url, "url");
    ref = ref == null ? GitRef.defaults() : ref;
    timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    credentials = credentials == null ? GitCredentials.none() : credentials;
    ignore = ignore == null ? List.of() : List.copyOf(ignore);
  }

  /** Branch {@code master}, 60 s timeout, no credentials, no extra ignores, no verification. */
  public static GitSourceSpec of(String url) {
    return new GitSourceSpec(url, GitRef.defaults(), null, null, null, null, null);
  }

  public GitSourceSpec withRef(GitRef value) {
    return new GitSourceSpec(url, value, timeout, credentials, ignore, verify, caCertificate);
  }

  public GitSourceSpec withTimeout(Duration value) {
    return new GitSourceSpec(url, ref, value, credentials, ignore, verify, caCertificate);
  }

  public GitSourceSpec withCredentials(GitCredentials value) {
    return new GitSourceSpec(url, ref, timeout, value, ignore, verify, caCertificate);
  }

  public GitSourceSpec withIgnore(List<String> value) {
    return new GitSourceSpec(url, ref, timeout, credentials, value, verify, caCertificate);
  }

  public GitSourceSpec withCaCertificate(String pem) {
    return new GitSourceSpec(url, ref, timeout, credentials, ignore, verify, pem);
  }

  public GitSourceSpec withVerify(VerifySpec value) {
    return new GitSourceSpec(url, ref, timeout, credentials, ignore, value, caCertificate);
  }
}
