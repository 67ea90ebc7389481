package dev.cairn.source.helm;

/**
 * HTTP basic credentials for a Helm repository or OCI registry, read by the caller from a Secret.
 * {@link #toString()} never shows them.
 */
public record HelmCredentials(String username, String password) {
  public static HelmCredentials none() {
    return new HelmCredentials(null, null);
  }

  public static HelmCredentials basic(String username, String password) {
    return new HelmCredentials(username, password);
  }

  public boolean present() {
    return username != null && !username.isEmpty() && password != null;
  }

  @Override
  public String toString() {
    return "HelmCredentials[username="
        + (username == null ? "none" : "set")
        + ", password="
        + (password == null ? "none" : "***")
        + "]";
  }
}
