package dev.cairn.source.git;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * A validated Git URL: scheme {@code http}, {@code https}, {@code ssh} or {@code file}, a host for
 * the network schemes, and no password in the user-info part (credentials come separately).
 *
 * @param value the URL as given
 * @param scheme lower-case scheme
 */
public record GitUrl(String value, String scheme) {
  private static final Set<String> SCHEMES = Set.of("http", "https", "ssh", "file");

  public static GitUrl parse(String value) throws SourceException {
    if (value == null || value.isBlank()) {
      throw invalid("(empty)", "is empty");
    }
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw invalid(safe(value), "does not parse: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null || !SCHEMES.contains(scheme)) {
      throw invalid(safe(value), "must use http, https, ssh or file");
    }
    if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
      throw invalid(safe(value), "has no host");
    }
    if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
      throw invalid(safe(value), "must not carry a password; pass credentials separately");
    }
    return new GitUrl(value.strip(), scheme);
  }

  public boolean isHttp() {
    return scheme.equals("http") || scheme.equals("https");
  }

  public boolean isSsh() {
    return scheme.equals("ssh");
  }

  /** The URL with any user-info removed, safe for messages. */
  public String display() {
    return safe(value);
  }

  @Override
  public String toString() {
    return display();
  }

  static String safe(String value) {
    return value.replaceAll("(?<=://)[^/@]*@", "");
  }

  private static SourceException invalid(String shown, String why) {
    return new SourceException(SourceReason.URL_INVALID, "Git URL '" + shown + "' " + why);
  }
}
