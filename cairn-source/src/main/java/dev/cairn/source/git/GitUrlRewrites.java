package dev.cairn.source.git;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL rewrite table for every Git consumer, like {@code git config url.<base>.insteadOf}: a fetch
 * (or later a push) of a URL in the table goes to the URL it maps to. {@code cairn up} maps a
 * fleet's remotes to the copy it serves on 127.0.0.1, so a {@code flux bootstrap} repository whose
 * GitRepository names {@code https://github.com/org/fleet-infra} reconciles from the local copy.
 *
 * <p>URLs are compared by host (case-insensitively) and path, with and without a trailing {@code
 * .git} and slash; scheme, user and port are not compared, so {@code
 * git@github.com:org/fleet-infra.git}, {@code ssh://git@github.com/org/fleet-infra} and {@code
 * https://GitHub.com/org/fleet-infra/} are one repository. A URL below a mapped one keeps its rest:
 * {@code https://host/org} mapped to {@code http://127.0.0.1:8080/mirror} sends {@code
 * https://host/org/repo} to {@code http://127.0.0.1:8080/mirror/repo} (git's prefix rule); the
 * longest match wins. {@code file://} URLs compare by path.
 *
 * @param rules from URL to the URL it is replaced by, in the order given
 */
public record GitUrlRewrites(Map<String, String> rules) {
  private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!//)(.*)$");

  public GitUrlRewrites {
    rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
  }

  /** No rewriting. */
  public static GitUrlRewrites none() {
    return new GitUrlRewrites(Map.of());
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The table plus {@code from} → {@code to}. */
  public GitUrlRewrites with(String from, String to) {
    Map<String, String> all = new LinkedHashMap<>(rules);
    all.put(from, to);
    return new GitUrlRewrites(all);
  }

  /** The URL to use instead of {@code url}, or empty when no rule matches. */
  public Optional<String> rewrite(String url) {
    String key = key(url);
    if (key == null) {
      return Optional.empty();
    }
    String bestTarget = null;
    String bestKey = "";
    for (Map.Entry<String, String> rule : rules.entrySet()) {
      String from = key(rule.getKey());
      if (from != null
          && (key.equals(from) || key.startsWith(from + "/"))
          && from.length() > bestKey.length()) {
        bestKey = from;
        bestTarget = rule.getValue();
      }
    }
    if (bestTarget == null) {
      return Optional.empty();
    }
    String rest = key.substring(bestKey.length());
    String base =
        bestTarget.endsWith("/") ? bestTarget.substring(0, bestTarget.length() - 1) : bestTarget;
    return Optional.of(base + rest);
  }

  /** {@link #rewrite(String)}, or {@code url} itself when no rule matches. */
  public String apply(String url) {
    return rewrite(url).orElse(url);
  }

  /**
   * {@code host/path} (host lower-case, no trailing slash or {@code .git}); null if unparseable.
   */
  static String key(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String value = url.strip();
    String host;
    String path;
    Matcher scp = SCP_LIKE.matcher(value);
    if (!value.contains("://") && scp.matches()) {
      host = scp.group(1);
      path = "/" + scp.group(2);
    } else {
      try {
        URI uri = new URI(value);
        host = uri.getHost() == null ? "" : uri.getHost();
        path = uri.getPath() == null ? "" : uri.getPath();
      } catch (URISyntaxException e) {
        return null;
      }
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - ".git".length());
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    return host.toLowerCase(Locale.ROOT) + path;
  }

  /**
   * {@code spec} fetching from the rewritten URL, without the source's credentials and TLS settings
   * (they belong to the original host); {@code spec} itself when no rule matches.
   */
  public GitSourceSpec applyTo(GitSourceSpec spec) {
    return rewrite(spec.url())
        .map(
            url ->
                new GitSourceSpec(
                    url,
                    spec.ref(),
                    spec.timeout(),
                    GitCredentials.none(),
                    spec.ignore(),
                    spec.verify(),
                    null,
                    spec.sparseCheckout(),
                    spec.recurseSubmodules()))
        .orElse(spec);
  }
}
