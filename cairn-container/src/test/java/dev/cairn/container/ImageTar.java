package dev.cairn.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The image tar {@code jib:buildTar} writes ({@code docker save} layout): {@code manifest.json}
 * naming the config JSON and the layer tars (gzip-compressed), read without unpacking it to disk.
 */
final class ImageTar {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a layer tar says about one path: the last layer that names it wins. */
  record Entry(
      String path, int layer, boolean directory, boolean symlink, int mode, long uid, long gid) {
    boolean executable() {
      return (mode & 0111) != 0;
    }
  }

  /** Reads one entry's content while its layer is streamed. */
  interface ContentVisitor {
    void visit(Entry entry, InputStream content) throws IOException;
  }

  private final Path tar;
  private final JsonNode config;
  private final List<String> layers;

  private ImageTar(Path tar, JsonNode config, List<String> layers) {
    this.tar = tar;
    this.config = config;
    this.layers = layers;
  }

  static ImageTar read(Path tar) {
    Map<String, byte[]> files = new HashMap<>();
    streamOuter(
        tar,
        (name, in) -> {
          if (name.endsWith(".json")) {
            files.put(name, in.readAllBytes());
          }
        });
    try {
      JsonNode manifest = JSON.readTree(files.get("manifest.json"));
      if (manifest == null || manifest.size() != 1) {
        throw new IllegalStateException(tar + ": manifest.json does not name exactly one image");
      }
      JsonNode image = manifest.get(0);
      JsonNode config = JSON.readTree(files.get(image.get("Config").asText()));
      List<String> layers = new ArrayList<>();
      image.get("Layers").forEach(layer -> layers.add(layer.asText()));
      return new ImageTar(tar, config, layers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The image's config JSON (architecture, os, config.User, config.Entrypoint, rootfs ...). */
  JsonNode config() {
    return config;
  }

  /** The file names of the layers in the outer tar, base first. */
  List<String> layers() {
    return layers;
  }

  /** Every path of every layer; a later layer's entry replaces an earlier one's. */
  Map<String, Entry> entries() {
    Map<String, Entry> entries = new HashMap<>();
    visitLayers((entry, content) -> entries.put(entry.path(), entry));
    return entries;
  }

  /** Streams every entry of every layer, in layer order, with its content. */
  void visitLayers(ContentVisitor visitor) {
    streamOuter(
        tar,
        (name, in) -> {
          int index = layers.indexOf(name);
          if (index < 0) {
            return;
          }
          // closing the layer's streams must leave the outer tar open
          InputStream unclosable =
              new FilterInputStream(in) {
                @Override
                public void close() {}
              };
          try (TarArchiveInputStream layer =
              new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(unclosable)))) {
            TarArchiveEntry entry;
            while ((entry = layer.getNextEntry()) != null) {
              visitor.visit(toEntry(entry, index), layer);
            }
          }
        });
  }

  private static Entry toEntry(TarArchiveEntry entry, int layer) {
    String path = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
    return new Entry(
        path.equals("/.") ? "/" : path,
        layer,
        entry.isDirectory(),
        entry.isSymbolicLink(),
        entry.getMode() & 07777,
        entry.getLongUserId(),
        entry.getLongGroupId());
  }

  private interface OuterVisitor {
    void visit(String name, InputStream content) throws IOException;
  }

  private static void streamOuter(Path tar, OuterVisitor visitor) {
    try (TarArchiveInputStream outer =
        new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
      TarArchiveEntry entry;
      while ((entry = outer.getNextEntry()) != null) {
        if (entry.isFile()) {
          visitor.visit(entry.getName(), outer);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the image tar " + tar, e);
    }
  }
}
