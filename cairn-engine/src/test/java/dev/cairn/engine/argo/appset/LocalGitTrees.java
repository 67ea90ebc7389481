package dev.cairn.engine.argo.appset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link GitTrees} over a local directory, recording what was asked: for pure generator tests.
 */
final class LocalGitTrees implements GitTrees {
  final List<String> requests = new ArrayList<>();
  private final Path root;

  LocalGitTrees(Path root) {
    this.root = root;
  }

  static LocalGitTrees of(Path root, Map<String, String> files) {
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = root.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LocalGitTrees(root);
  }

  @Override
  public Path checkout(String repoURL, String revision) {
    requests.add(repoURL + "@" + revision);
    return root;
  }
}
