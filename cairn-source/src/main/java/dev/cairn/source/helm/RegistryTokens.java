package dev.cairn.source.helm;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The registry token flow (the Docker/OCI distribution "token authentication"): a 401 carries
 * {@code WWW-Authenticate: Bearer realm="...",service="...",scope="..."}; the client asks the realm
 * for a token, with basic credentials when it has some, and retries with {@code Authorization:
 * Bearer <token>}. Anonymous pulls from public registries need it too.
 */
public final class RegistryTokens {
  private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private RegistryTokens() {}

  /**
   * A GET against a registry that answers a Bearer challenge once by fetching a token (with the
   * basic credentials, if any), then retries; {@code where} names the repository in messages.
   */
  public static HelmHttp.Response get(
      HelmHttp http,
      String where,
      URI uri,
      Map<String, String> headers,
      long maxBytes,
      SourceReason failure,
      String what)
      throws SourceException {
    try {
      return http.get(uri, headers, maxBytes, failure, what);
    } catch (SourceException e) {
      Map<String, String> challenge = bearerChallenge(http.lastChallenge());
      if (e.reason() != SourceReason.AUTHENTICATION_FAILED || challenge == null) {
        throw e;
      }
      http.useBearerToken(fetch(http, challenge, where));
      return http.get(uri, headers, maxBytes, failure, what);
    }
  }

  /** The challenge's parameters when it is a Bearer challenge with a realm, else null. */
  static Map<String, String> bearerChallenge(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher m = PARAMETER.matcher(header.substring(7));
    while (m.find()) {
      parameters.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
    }
    return parameters.containsKey("realm") ? parameters : null;
  }

  /** Asks the realm for a token for the challenge's service and scope. */
  static String fetch(HelmHttp http, Map<String, String> challenge, String where)
      throws SourceException {
    StringBuilder query = new StringBuilder();
    for (String name : new String[] {"service", "scope"}) {
      if (challenge.containsKey(name)) {
        query
            .append(query.length() == 0 ? '?' : '&')
            .append(name)
            .append('=')
            .append(URLEncoder.encode(challenge.get(name), StandardCharsets.UTF_8));
      }
    }
    URI realm;
    try {
      realm = URI.create(challenge.get("realm") + query);
    } catch (IllegalArgumentException e) {
      throw new SourceException(
          SourceReason.AUTHENTICATION_FAILED,
          "registry " + where + " names an invalid token realm");
    }
    if (!"https".equals(realm.getScheme()) && !"http".equals(realm.getScheme())) {
      throw new SourceException(
          SourceReason.AUTHENTICATION_FAILED,
          "registry " + where + " names a non-HTTP token realm");
    }
    byte[] body =
        http.getWithCredentials(
                realm, 1024 * 1024, SourceReason.AUTHENTICATION_FAILED, "get a registry token")
            .body();
    Object document;
    try {
      document =
          new Load(LoadSettings.builder().build())
              .loadFromString(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      document = null;
    }
    if (document instanceof Map<?, ?> map) {
      Object token = map.get("token") != null ? map.get("token") : map.get("access_token");
      if (token != null && !String.valueOf(token).isBlank()) {
        return String.valueOf(token);
      }
    }
    throw new SourceException(
        SourceReason.AUTHENTICATION_FAILED,
        "token endpoint " + realm.getHost() + " for " + where + " returned no token");
  }
}
