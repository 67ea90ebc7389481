package dev.cairn.sim.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The JSON and YAML mappers of the simulated server, and parsing that fails as a 400. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Json() {}

  /** Parses a request body (JSON, or YAML for apply patches) into an object. */
  static ObjectNode parseObject(String body, boolean yaml) {
    if (body == null || body.isBlank()) {
      throw ApiException.badRequest("the request body is empty");
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
