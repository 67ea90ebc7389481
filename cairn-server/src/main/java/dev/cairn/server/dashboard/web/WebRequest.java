package dev.cairn.server.dashboard.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the handlers see it (no Vert.x types): method, path split into segments, query
 * parameters, headers by lower-case name, and the session cookie.
 */
record WebRequest(
    String method,
    String path,
    List<String> segments,
    Map<String, String> query,
    Map<String, String> headers,
    Optional<String> session) {

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }
}
