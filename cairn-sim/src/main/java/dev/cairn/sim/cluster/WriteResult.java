package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The HTTP status code and body of a successful write, and the warnings (e.g. {@code unknown field
 * "spec.colour"}) the server sends with it in {@code Warning} headers.
 */
record WriteResult(int code, JsonNode body, List<String> warnings) {
  WriteResult {
    warnings = List.copyOf(warnings);
  }

  WriteResult(int code, JsonNode body) {
    this(code, body, List.of());
  }

  WriteResult withWarnings(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<String> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new WriteResult(code, body, all);
  }
}
