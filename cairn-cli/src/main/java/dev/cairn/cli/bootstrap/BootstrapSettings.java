package dev.cairn.cli.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code cairn bootstrap git} works with.
 *
 * @param url the repository's clone URL (https or http; credentials go in {@code auth})
 * @param branch the branch to commit to and sync from
 * @param path the cluster's directory in the repository, without leading {@code ./} or trailing
 *     slash ({@code clusters/my-cluster})
 * @param namespace where Cairn runs; also the name of the GitRepository, the root Kustomization,
 *     the Secret (unless {@code secretName} says otherwise) and the directory under {@code path}
 * @param secretName the Secret the GitRepository reads its credentials from
 * @param auth the credentials; none for a repository that needs none
 */
public record BootstrapSettings(
    String url, String branch, String path, String namespace, String secretName, GitAuth auth) {

  public BootstrapSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(auth, "auth");
    path = normalize(path);
    secretName = secretName == null || secretName.isBlank() ? namespace : secretName;
    checkUrl(url);
  }

  private static void checkUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "--url is not a URL (expected https://host/org/repository.git)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!List.of("https", "http").contains(scheme)) {
      throw new IllegalArgumentException(
          "--url is a "
              + (scheme.isEmpty() ? "scp-style or relative" : scheme)
              + " URL: cairn bootstrap git supports https and http URLs; SSH is not supported"
              + " yet (use the https URL with --username and --password)");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "--url must not carry credentials; pass them with --username and --password");
    }
  }

  /** The directory the manifests go into: {@code <path>/<namespace>}. */
  public String directory() {
    return path + "/" + namespace;
  }

  /** The root Kustomization's {@code spec.path}: {@code ./<path>}. */
  public String kustomizationPath() {
    return "./" + path;
  }

  private static String normalize(String path) {
    String p = Objects.requireNonNull(path, "path").strip();
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty() || p.equals(".") || p.startsWith("/") || ("/" + p + "/").contains("/../")) {
      throw new IllegalArgumentException(
          "--path must be a relative directory inside the repository, such as"
              + " clusters/my-cluster; was '"
              + path
              + "'");
    }
    return p;
  }
}
