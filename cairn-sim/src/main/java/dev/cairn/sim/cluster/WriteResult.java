package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The HTTP status code and body of a successful write, and the warnings (e.g. {@code unknown field
 * "spec.colour"}) the server sends with it in {@code Warning} headers; {@code json} is the body
 * already written as JSON when the write stored it (the store writes it anyway), else null.
 */
record WriteResult(int code, JsonNode body, List<String> warnings, String json) {
  WriteResult {
    warnings = List.copyOf(warnings);
  }

  WriteResult(int code, JsonNode body) {
    this(code, body, List.of(), null);
  }

  /** A write whose body is what the store holds, with the JSON the store wrote for it. */
  static WriteResult stored(int code, JsonNode body, ObjectStore.Stored stored) {
    return new WriteResult(code, body, List.of(), stored.json());
  }

  /** The body as JSON. */
  String bodyJson() {
    return json != null ? json : Json.write(body);
  }

  WriteResult withWarnings(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<String> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new WriteResult(code, body, all, json);
  }
}
