package dev.cairn.source.git;

import java.util.List;

/**
 * Credentials for one Git source, read by the caller from a Secret and passed in as values. {@link
 * #toString()} never shows them.
 *
 * @param username HTTP basic user (or SSH user when the URL has none)
 * @param password HTTP basic password
 * @param bearerToken HTTP bearer token, sent as {@code Authorization: Bearer ...}
 * @param identity an OpenSSH or PEM private key for SSH
 * @param passphrase the passphrase of {@code identity}, if it is encrypted
 * @param knownHosts known_hosts lines for SSH host-key checking
 */
public record GitCredentials(
    String username,
    String password,
    String bearerToken,
    String identity,
    String passphrase,
    String knownHosts) {

  public static GitCredentials none() {
    return new GitCredentials(null, null, null, null, null, null);
  }

  public static GitCredentials basic(String username, String password) {
    return new GitCredentials(username, password, null, null, null, null);
  }

  public static GitCredentials bearer(String token) {
    return new GitCredentials(null, null, token, null, null, null);
  }

  public static GitCredentials ssh(String identity, String passphrase, String knownHosts) {
    return new GitCredentials(null, null, null, identity, passphrase, knownHosts);
  }

  public GitCredentials withUsername(String value) {
    return new GitCredentials(value, password, bearerToken, identity, passphrase, knownHosts);
  }

  public GitCredentials withKnownHosts(String value) {
    return new GitCredentials(username, password, bearerToken, identity, passphrase, value);
  }

  public boolean hasBasic() {
    return GitRef.set(username) && password != null;
  }

  public boolean hasBearer() {
    return GitRef.set(bearerToken);
  }

  public boolean hasIdentity() {
    return GitRef.set(identity);
  }

  /** The secret values, for redaction. */
  List<String> secrets() {
    return java.util.stream.Stream.of(password, bearerToken, identity, passphrase)
        .filter(GitRef::set)
        .toList();
  }

  @Override
  public String toString() {
    return "GitCredentials[username="
        + (username == null ? "none" : "set")
        + ", password="
        + (password == null ? "none" : "***")
        + ", bearerToken="
        + (bearerToken == null ? "none" : "***")
        + ", identity="
        + (identity == null ? "none" : "***")
        + ", passphrase="
        + (passphrase == null ? "none" : "***")
        + ", knownHosts="
        + (knownHosts == null ? "none" : "set")
        + "]";
  }
}
