package dev.cairn.engine.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.secrets.sealed.SealingKey;
import dev.cairn.secrets.sealed.SealingKeyPem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The values an independent implementation (cairn-secrets' {@code sealed_vectors.py}) sealed for
 * the committed test key, read from cairn-secrets' test resources.
 */
final class PythonSealed {
  /** One sealed value: its scope, the name and namespace it was sealed for, and its plaintext. */
  record Vector(
      String scope, String namespace, String name, String plaintextBase64, String sealed) {}

  private PythonSealed() {}

  static Path dir() {
    return Path.of(System.getProperty("basedir", "."))
        .resolve("../cairn-secrets/src/test/resources/sealed")
        .normalize();
  }

  static SealingKey key() {
    try {
      return SealingKeyPem.read(
          "test key",
          Files.readString(dir().resolve("key/tls.key")),
          Files.readString(dir().resolve("key/tls.crt")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Vector vector(String namespace, String name) {
    try {
      for (JsonNode v : new ObjectMapper().readTree(dir().resolve("vectors.json").toFile())) {
        if (v.path("namespace").asText().equals(namespace)
            && v.path("name").asText().equals(name)) {
          return new Vector(
              v.path("scope").asText(),
              namespace,
              name,
              v.path("plaintext").asText(),
              v.path("sealed").asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no vector for " + namespace + "/" + name);
  }
}
