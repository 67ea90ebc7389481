package dev.cairn.controller;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Operator SDK's nested start-up exception ("Error starting operator" around
 * ExecutionExceptions around the API server's answer) into one sentence a person can act on.
 */
final class StartFailures {
  private static final Pattern RESOURCE = Pattern.compile("/apis/([^/]+)/([^/]+)/([^/?]+)");

  private StartFailures() {}

  static IllegalStateException describe(Throwable failure) {
    KubernetesClientException api = find(failure, KubernetesClientException.class);
    if (api != null && api.getCode() == 404 && api.getMessage() != null) {
      Matcher m = RESOURCE.matcher(api.getMessage());
      if (m.find()) {
        String resource = m.group(3) + "." + m.group(1) + "/" + m.group(2);
        return new IllegalStateException(
            "the API server does not serve " + resource + ": are Cairn's CRDs installed?", failure);
      }
    }
    if (api != null && (api.getCode() == 401 || api.getCode() == 403)) {
      return new IllegalStateException(
          "the API server refused access (" + api.getCode() + "): " + statusMessage(api), failure);
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return new IllegalStateException(message, failure);
  }

  private static String statusMessage(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage();
    }
    return e.getMessage();
  }

  private static <E extends Throwable> E find(Throwable failure, Class<E> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
