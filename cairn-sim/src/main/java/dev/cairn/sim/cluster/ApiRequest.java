package dev.cairn.sim.cluster;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One HTTP request to the simulated API server, parsed into the parts Kubernetes paths carry:
 * {@code /api/v1/namespaces/ns/configmaps/name/status?dryRun=All}.
 *
 * @param group API group, empty for the core group; null for a non-resource path
 * @param plural resource name (plural), null for discovery paths
 * @param accept the {@code Accept} header, or null (a Table may be asked for there)
 */
record ApiRequest(
    String method,
    String path,
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource,
    Map<String, String> query,
    String contentType,
    String userAgent,
    String body,
    String accept) {

  /**
   * @param raw the request target: path and query, e.g. {@code /api/v1/pods?watch=true}
   * @param headers a header's value by name, or null
   * @param body the request body, null for none
   */
  static ApiRequest parse(String method, String raw, UnaryOperator<String> headers, String body) {
    int q = raw.indexOf('?');
    String path = q < 0 ? raw : raw.substring(0, q);
    Map<String, String> query = q < 0 ? Map.of() : parseQuery(raw.substring(q + 1));
    String contentType = headers.apply("Content-Type");
    String userAgent = headers.apply("User-Agent");
    String accept = headers.apply("Accept");
    String[] segments = trimSlashes(path).split("/");
    int rest;
    String group;
    String version = null;
    if (segments.length >= 2 && segments[0].equals("api")) {
      group = "";
      version = segments[1];
      rest = 2;
    } else if (segments.length >= 3 && segments[0].equals("apis")) {
      group = segments[1];
      version = segments[2];
      rest = 3;
    } else {
      return new ApiRequest(
          method,
          path,
          null,
          null,
          null,
          null,
          null,
          null,
          query,
          contentType,
          userAgent,
          body,
          accept);
    }
    String namespace = null;
    int left = segments.length - rest;
    boolean namespaceSubresource =
        left == 3
            && segments[rest].equals("namespaces")
            && (segments[rest + 2].equals("status") || segments[rest + 2].equals("finalize"));
    if (left >= 3 && segments[rest].equals("namespaces") && !namespaceSubresource) {
      namespace = decode(segments[rest + 1]);
      rest += 2;
      left -= 2;
    }
    String plural = left >= 1 ? segments[rest] : null;
    String name = left >= 2 ? decode(segments[rest + 1]) : null;
    String subresource = left >= 3 ? segments[rest + 2] : null;
    return new ApiRequest(
        method,
        path,
        group,
        version,
        namespace,
        plural,
        name,
        subresource,
        query,
        contentType,
        userAgent,
        body,
        accept);
  }

  /** {@code path} without leading and trailing slashes (no regex: this runs for every request). */
  private static String trimSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> params = new HashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.put(key, value);
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  boolean isResourceRequest() {
    return plural != null;
  }

  boolean isDryRun() {
    return "All".equals(query.get("dryRun"));
  }

  boolean isWatch() {
    return "true".equals(query.get("watch")) || "1".equals(query.get("watch"));
  }

  boolean isApplyPatch() {
    return contentType != null && contentType.startsWith("application/apply-patch");
  }

  boolean force() {
    return "true".equals(query.get("force"));
  }

  /**
   * The field manager a real server records: the {@code fieldManager} parameter, else the
   * user-agent's first token (as kube-apiserver derives it), else "unknown".
   */
  String fieldManager() {
    String manager = query.get("fieldManager");
    if (manager != null && !manager.isEmpty()) {
      return manager;
    }
    if (userAgent != null && !userAgent.isBlank()) {
      String first = firstToken(userAgent);
      return first.isEmpty() ? "unknown" : first;
    }
    return "unknown";
  }

  /**
   * {@code userAgent.split("[/ ]")[0]} without compiling the expression on every request; a
   * user-agent of separators only still takes split's way.
   */
  private static String firstToken(String userAgent) {
    for (int i = 0; i < userAgent.length(); i++) {
      char c = userAgent.charAt(i);
      if (c != '/' && c != ' ') {
        int end = i;
        while (end < userAgent.length()
            && userAgent.charAt(end) != '/'
            && userAgent.charAt(end) != ' ') {
          end++;
        }
        return i == 0 ? userAgent.substring(0, end) : "";
      }
    }
    return userAgent.split("[/ ]")[0];
  }

  boolean isStatusSubresource() {
    return "status".equals(subresource);
  }
}
