package dev.cairn.source.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of artifacts of one source, oldest first, kept in a small tab-separated file next to the
 * tarballs and rewritten atomically (temp file + move). The last line is the current artifact.
 */
final class ArtifactHistory {
  static final String FILE_NAME = "history.tsv";

  private ArtifactHistory() {}

  static List<StoredArtifact> read(Path directory) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return List.of();
    }
    List<StoredArtifact> artifacts = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 5) {
        throw new IOException("malformed line in " + file + ": expected 5 fields");
      }
      artifacts.add(
          new StoredArtifact(f[0], f[1], f[2], Instant.parse(f[3]), Long.parseLong(f[4])));
    }
    return List.copyOf(artifacts);
  }

  static void write(Path directory, List<StoredArtifact> artifacts) throws IOException {
    StringBuilder text = new StringBuilder();
    for (StoredArtifact a : artifacts) {
      text.append(a.revision())
          .append('\t')
          .append(a.digest())
          .append('\t')
          .append(a.path())
          .append('\t')
          .append(a.lastUpdateTime())
          .append('\t')
          .append(a.size())
          .append('\n');
    }
    Path temp = Files.createTempFile(directory, ".history-", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(
          temp,
          directory.resolve(FILE_NAME),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static void requireStorable(String revision) {
    if (revision.isEmpty()
        || revision.indexOf('\t') >= 0
        || revision.indexOf('\n') >= 0
        || revision.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "revision must be non-empty and free of tabs and newlines");
    }
  }
}
