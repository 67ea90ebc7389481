package dev.cairn.source.oci;

import dev.cairn.source.artifact.TarballWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Small tar.gz layers for tests, from path → text. */
final class Tarballs {
  private Tarballs() {}

  static byte[] of(Map<String, String> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarballWriter writer = new TarballWriter(out)) {
      for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
        writer.addFile(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8), false);
      }
    }
    return out.toByteArray();
  }
}
