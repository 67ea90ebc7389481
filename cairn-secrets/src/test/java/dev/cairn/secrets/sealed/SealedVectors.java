package dev.cairn.secrets.sealed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One case of sealed_vectors.py's JSON: where it was sealed for, its plaintext and sealed bytes.
 */
record SealedVectors(
    SealedSecretScope scope, String namespace, String name, byte[] plaintext, byte[] sealed) {

  static List<SealedVectors> parse(String json) {
    try {
      List<SealedVectors> vectors = new ArrayList<>();
      for (JsonNode node : new ObjectMapper().readTree(json)) {
        vectors.add(
            new SealedVectors(
                SealedSecretScope.parse(node.get("scope").asText()),
                node.get("namespace").asText(),
                node.get("name").asText(),
                Base64.getDecoder().decode(node.get("plaintext").asText()),
                Base64.getDecoder().decode(node.get("sealed").asText())));
      }
      return vectors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] label() {
    return scope.label(namespace, name);
  }
}
