package dev.cairn.secrets.sealed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The committed test key pair that sealed_vectors.py wrote (src/test/resources/sealed/key). */
final class TestKeys {

  private static SealingKey pythonKey;

  private TestKeys() {}

  static synchronized SealingKey pythonKey() {
    if (pythonKey == null) {
      pythonKey =
          SealingKeyPem.read(
              "sealed/key", resource("sealed/key/tls.key"), resource("sealed/key/tls.crt"));
    }
    return pythonKey;
  }

  static String resource(String path) {
    try (InputStream in = TestKeys.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
