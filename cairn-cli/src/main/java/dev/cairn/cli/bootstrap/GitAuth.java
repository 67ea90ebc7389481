package dev.cairn.cli.bootstrap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The credentials {@code cairn bootstrap git} pushes with and stores for the GitRepository: HTTP
 * basic auth, or the password sent as a bearer token. {@link #toString()} never shows a secret.
 *
 * @param username the basic-auth user ({@code git} unless told)
 * @param password the password or token; null for none
 * @param bearer whether {@code password} is sent as {@code Authorization: Bearer}
 */
public record GitAuth(String username, String password, boolean bearer) {

  public static GitAuth none() {
    return new GitAuth(null, null, false);
  }

  public boolean present() {
    return password != null && !password.isEmpty();
  }

  /**
   * The data of the Secret the GitRepository's {@code secretRef} names, base64-encoded, with the
   * keys Cairn (and Flux) read: {@code username}/{@code password} or {@code bearerToken}.
   */
  public Map<String, String> secretData() {
    if (!present()) {
      return Map.of();
    }
    return bearer
        ? Map.of("bearerToken", base64(password))
        : Map.of("username", base64(username), "password", base64(password));
  }

  /** {@code text} with the password replaced by {@code ***} (for error messages). */
  public String redact(String text) {
    return text == null || !present() ? text : text.replace(password, "***");
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    if (!present()) {
      return "GitAuth[none]";
    }
    return bearer ? "GitAuth[bearer ***]" : "GitAuth[basic " + username + ":***]";
  }
}
