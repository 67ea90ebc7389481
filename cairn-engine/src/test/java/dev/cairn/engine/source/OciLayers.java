package dev.cairn.engine.source;

import dev.cairn.source.artifact.TarballWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** tar.gz layers for OCI artifacts pushed by tests, from path → text. */
public final class OciLayers {
  private OciLayers() {}

  public static byte[] of(Map<String, String> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarballWriter writer = new TarballWriter(out)) {
      for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
        writer.addFile(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8), false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
