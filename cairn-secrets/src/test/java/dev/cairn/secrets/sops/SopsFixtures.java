package dev.cairn.secrets.sops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test resources under src/test/resources/sops. */
final class SopsFixtures {

  private SopsFixtures() {}

  static byte[] bytes(String path) {
    try (InputStream in = SopsFixtures.class.getClassLoader().getResourceAsStream("sops/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource sops/" + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The keys of sops's functional tests (its published test PGP key). */
  static SopsKeys upstreamPgpKeys() {
    return SopsKeys.none()
        .withPgpKeys(
            "sops_functional_tests_key.asc", bytes("upstream/sops_functional_tests_key.asc"));
  }
}
