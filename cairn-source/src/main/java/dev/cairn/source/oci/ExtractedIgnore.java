package dev.cairn.source.oci;

import dev.cairn.source.ignore.SourceIgnore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ignore rules for an extracted layer, as Flux builds them: its default excludes, then every
 * {@code .sourceignore} file in the content (shallower directories first), then {@code
 * spec.ignore}.
 */
final class ExtractedIgnore {
  private ExtractedIgnore() {}

  static SourceIgnore load(Path root, List<String> specPatterns) throws IOException {
    SourceIgnore rules = SourceIgnore.defaults();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> p.getFileName().toString().equals(SourceIgnore.FILE_NAME))
              .filter(Files::isRegularFile)
              .sorted(
                  Comparator.comparingInt((Path p) -> root.relativize(p).getNameCount())
                      .thenComparing(Path::toString))
              .toList();
    }
    for (Path file : files) {
      Path parent = root.relativize(file).getParent();
      String domain = parent == null ? "" : parent.toString().replace('\\', '/');
      rules = rules.withFile(domain, Files.readString(file, StandardCharsets.UTF_8));
    }
    return rules.withPatterns("", specPatterns);
  }
}
