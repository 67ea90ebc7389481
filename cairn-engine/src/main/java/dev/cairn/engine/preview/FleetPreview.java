package dev.cairn.engine.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The facade of {@code cairn preview}: opens the Git repository holding a directory, writes both
 * revisions out, renders the fleet at each ({@link FleetRenderer}) and compares them ({@link
 * PreviewDiff}). Nothing is read from a cluster.
 */
public final class FleetPreview {
  private final FleetRenderer renderer;

  public FleetPreview(FleetRenderer renderer) {
    this.renderer = renderer;
  }

  public static FleetPreview defaults() {
    return new FleetPreview(FleetRenderer.defaults());
  }

  /**
   * @param repositoryDir the fleet's directory: the Git repository's work tree or a directory in it
   *     (then the fleet's paths are relative to that directory)
   * @param path where the fleet starts (relative to the repository root); null for the default:
   *     {@code clusters/<name>} when the repository has exactly one cluster directory, else the
   *     root
   * @param variables the variables file's values, or null
   */
  public PreviewReport preview(
      Path repositoryDir, String from, String to, String path, Map<String, String> variables) {
    try (Repository repository = open(repositoryDir);
        ChartLoader charts = new ChartLoader()) {
      RepositoryIdentity identity = RepositoryIdentity.of(repository);
      String prefix = prefix(repository, repositoryDir);
      try (RevisionTree before = RevisionTree.checkout(repository, from, prefix);
          RevisionTree after = RevisionTree.checkout(repository, to, prefix)) {
        String root = path != null ? path : defaultPath(after.root());
        FleetRender old = renderer.render(before, root, identity, variables, charts);
        FleetRender now = renderer.render(after, root, identity, variables, charts);
        return PreviewDiff.compare(from, old, to, now);
      }
    }
  }

  /** {@code clusters/<name>} when the tree has exactly one cluster directory, else the root. */
  public static String defaultPath(Path tree) {
    Path clusters = tree.resolve("clusters");
    if (!Files.isDirectory(clusters)) {
      return "./";
    }
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> children = Files.list(clusters)) {
      children.filter(Files::isDirectory).forEach(dirs::add);
    } catch (IOException e) {
      return "./";
    }
    return dirs.size() == 1 ? "./clusters/" + dirs.get(0).getFileName() : "./";
  }

  /** Where {@code dir} lies in the repository's work tree: the fleet may be a subdirectory. */
  private static String prefix(Repository repository, Path dir) {
    if (repository.isBare()) {
      return "";
    }
    try {
      Path top = repository.getWorkTree().toPath().toRealPath();
      Path at = dir.toRealPath();
      return at.startsWith(top) ? top.relativize(at).toString().replace('\\', '/') : "";
    } catch (IOException e) {
      throw new PreviewException("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Repository open(Path dir) {
    try {
      FileRepositoryBuilder builder =
          new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
      if (builder.getGitDir() == null) {
        throw new PreviewException(dir + " is not inside a Git repository");
      }
      return builder.setMustExist(true).build();
    } catch (IOException e) {
      throw new PreviewException(
          "cannot open the Git repository at " + dir + ": " + e.getMessage(), e);
    }
  }
}
