package dev.cairn.engine.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.source.helm.HelmCredentials;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the credentials for one registry host from a {@code .dockerconfigjson} document ({@code
 * {"auths": {"<host>": {"username", "password"} or {"auth": base64(user:password)}}}}). Keys may be
 * bare hosts or URLs ({@code https://host/v1/}); a host without an entry pulls anonymously, as with
 * Flux's keychain. Errors never quote the document.
 */
public final class DockerConfigCredentials {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DockerConfigCredentials() {}

  /**
   * The credentials for {@code host} ({@code name[:port]}), none when the document has no entry.
   *
   * @throws IllegalArgumentException with a message fit for status when the document is invalid
   */
  public static HelmCredentials forHost(String document, String host) {
    JsonNode auths;
    try {
      auths = JSON.readTree(document).path("auths");
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("'.dockerconfigjson' is not valid JSON");
    }
    if (!auths.isObject()) {
      throw new IllegalArgumentException("'.dockerconfigjson' has no 'auths' object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (hostOf(entry.getKey()).equals(host.toLowerCase(Locale.ROOT))) {
        return credentials(entry.getValue(), host);
      }
    }
    return HelmCredentials.none();
  }

  private static HelmCredentials credentials(JsonNode entry, String host) {
    String username = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    if (username.isEmpty() && !entry.path("auth").asText("").isEmpty()) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(entry.path("auth").asText()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'.dockerconfigjson' entry for '" + host + "' has an 'auth' that is not base64");
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "'.dockerconfigjson' entry for '" + host + "' has an 'auth' without user:password");
      }
      username = decoded.substring(0, colon);
      password = decoded.substring(colon + 1);
    }
    if (username.isEmpty()) {
      throw new IllegalArgumentException(
          "'.dockerconfigjson' entry for '" + host + "' has neither username nor auth");
    }
    return HelmCredentials.basic(username, password);
  }

  /** {@code host[:port]} of an auths key, lower case. */
  private static String hostOf(String key) {
    String value = key.strip().toLowerCase(Locale.ROOT);
    if (value.contains("://")) {
      URI uri = URI.create(value);
      return uri.getRawAuthority() == null ? value : uri.getRawAuthority();
    }
    int slash = value.indexOf('/');
    return slash < 0 ? value : value.substring(0, slash);
  }
}
