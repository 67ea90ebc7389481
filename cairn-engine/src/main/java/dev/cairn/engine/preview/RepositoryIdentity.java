package dev.cairn.engine.preview;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/**
 * Which GitRepository URLs mean "the repository being previewed": {@code ./} (or empty), or a URL
 * naming the same host and path as one of the repository's remotes, whatever the transport ({@code
 * ssh://git@github.com/org/fleet}, {@code git@github.com:org/fleet.git} and {@code
 * https://github.com/org/fleet} are the same repository).
 */
public record RepositoryIdentity(Set<String> remotes) {

  public RepositoryIdentity {
    Set<String> normalized = new LinkedHashSet<>();
    remotes.forEach(url -> normalized.add(normalize(url)));
    remotes = Set.copyOf(normalized);
  }

  /** The remotes configured in {@code repository}. */
  public static RepositoryIdentity of(Repository repository) {
    Set<String> urls = new LinkedHashSet<>();
    for (String remote : repository.getConfig().getSubsections("remote")) {
      String url = repository.getConfig().getString("remote", remote, "url");
      if (url != null && !url.isBlank()) {
        urls.add(url);
      }
    }
    return new RepositoryIdentity(urls);
  }

  /** True when {@code url} names the previewed repository. */
  public boolean isThisRepository(String url) {
    if (url == null || url.isBlank() || url.equals("./") || url.equals(".")) {
      return true;
    }
    return remotes.contains(normalize(url));
  }

  /** {@code host/path} in lower case, without scheme, user, port, {@code .git} or slashes. */
  static String normalize(String url) {
    String text = url.trim();
    int scheme = text.indexOf("://");
    if (scheme >= 0) {
      text = text.substring(scheme + 3);
    } else if (text.matches("^[^/]+@[^/:]+:.*")) {
      text = text.replaceFirst(":", "/"); // scp-like git@host:org/repo
    }
    int at = text.indexOf('@');
    int slash = text.indexOf('/');
    if (at >= 0 && (slash < 0 || at < slash)) {
      text = text.substring(at + 1);
    }
    text = text.replaceFirst("^([^/:]+):[0-9]+/", "$1/");
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.endsWith(".git")) {
      text = text.substring(0, text.length() - 4);
    }
    return text.toLowerCase(Locale.ROOT);
  }
}
