package dev.cairn.sim.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The JSON and YAML mappers of the simulated server, and parsing that fails as a 400. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Reads a whole body as one JSON document: anything after it is an error, not ignored. */
  private static final ObjectReader WHOLE_JSON =
      MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /**
   * Parses a request body (JSON, or YAML for apply patches) into an object. An apply body that is a
   * JSON object (what clients send) is read with the JSON parser, which gives the same tree as the
   * YAML parser for JSON (JSON is YAML's flow style) at a fraction of the cost; anything else, and
   * any body the JSON parser refuses, goes to the YAML parser as before.
   */
  static ObjectNode parseObject(String body, boolean yaml) {
    if (body == null || body.isBlank()) {
      throw ApiException.badRequest("the request body is empty");
    }
    if (yaml && body.length() <= JSON_FAST_PATH_LIMIT && startsAnObject(body)) {
      try {
        JsonNode node = WHOLE_JSON.readTree(body);
        if (node != null && node.isObject()) {
          return (ObjectNode) node;
        }
      } catch (JsonProcessingException notJson) {
        // YAML flow style that is not JSON ({a: 1}), or broken: the YAML parser decides
      }
    }
    try {
      JsonNode node = (yaml ? YAML : MAPPER).readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiException.badRequest("the request body is not an object");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the request body is not valid: " + e.getOriginalMessage());
    }
  }

  /**
   * Bodies above this go to the YAML parser whatever they look like: its document limit (3 MiB of
   * code points by default) refuses them as it did before this fast path.
   */
  private static final int JSON_FAST_PATH_LIMIT = 1 << 20;

  private static boolean startsAnObject(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{';
      }
    }
    return false;
  }

  static JsonNode parse(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "the request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + node.getNodeType(), e);
    }
  }
}
