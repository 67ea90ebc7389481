package dev.cairn.notify.provider;

import java.net.URI;

/**
 * A repository address split as notification-controller splits it: {@code scheme://host[:port]}
 * ({@code ssh} read as {@code https}) and the repository path without {@code .git}.
 */
record GitAddress(String base, String host, String path) {
  static GitAddress parse(String address, HttpSender http) throws NotifyException {
    URI uri = http.uri(address, "address");
    String scheme = "ssh".equals(uri.getScheme()) ? "https" : uri.getScheme();
    String hostPort = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "");
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - 4);
    }
    if (path.isEmpty()) {
      throw new NotifyException(http.describe() + ": the address names no repository", false);
    }
    return new GitAddress(scheme + "://" + hostPort, uri.getHost(), path);
  }

  /** {@code owner} and {@code repo}, refusing any other shape. */
  String[] ownerAndRepo(HttpSender http) throws NotifyException {
    String[] parts = path.split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new NotifyException(
          http.describe() + ": invalid repository id \"" + path + "\"", false);
    }
    return parts;
  }
}
