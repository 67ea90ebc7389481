package dev.cairn.engine.preview;

import dev.cairn.source.artifact.DirectoryTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The files of one commit, written from the repository's object database into a temporary directory
 * (the work tree and the index are never touched). Submodules are left out; a symbolic link is kept
 * only when it points inside the tree. Deleted on {@link #close}.
 *
 * @param revision the rev-spec asked for ({@code main}, {@code v1.2}, {@code HEAD~1}, a SHA)
 * @param commit the full commit id it resolved to
 * @param root the directory holding the commit's files
 */
public record RevisionTree(String revision, String commit, Path root) implements AutoCloseable {

  /** Resolves {@code revision} in {@code repository} and writes its tree out. */
  public static RevisionTree checkout(Repository repository, String revision) {
    return checkout(repository, revision, "");
  }

  /**
   * Resolves {@code revision} and writes out the files under {@code prefix} (a slash-separated
   * directory of the repository, empty for all of it), the prefix directory becoming the root.
   */
  public static RevisionTree checkout(Repository repository, String revision, String prefix) {
    ObjectId id;
    try {
      id = repository.resolve(revision + "^{commit}");
    } catch (IOException | RuntimeException e) {
      throw new PreviewException("cannot resolve revision '" + revision + "': " + e.getMessage());
    }
    if (id == null) {
      throw new PreviewException(
          "unknown revision '" + revision + "' in " + repository.getDirectory());
    }
    Path root = null;
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(id);
      root = Files.createTempDirectory("cairn-preview-").toRealPath();
      write(repository, commit, root, prefix);
      return new RevisionTree(revision, commit.name(), root);
    } catch (IOException e) {
      if (root != null) {
        DirectoryTrees.deleteQuietly(root);
      }
      throw new PreviewException("cannot read revision '" + revision + "': " + e.getMessage(), e);
    }
  }

  private static void write(Repository repository, RevCommit commit, Path root, String prefix)
      throws IOException {
    String under = prefix.isEmpty() ? "" : prefix + "/";
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      if (!prefix.isEmpty()) {
        walk.setFilter(PathFilter.create(prefix));
      }
      while (walk.next()) {
        FileMode mode = walk.getFileMode(0);
        if (mode == FileMode.GITLINK || !walk.getPathString().startsWith(under)) {
          continue;
        }
        Path file = root.resolve(walk.getPathString().substring(under.length())).normalize();
        if (!file.startsWith(root)) {
          continue;
        }
        Files.createDirectories(file.getParent());
        ObjectLoader loader = repository.open(walk.getObjectId(0));
        if (mode == FileMode.SYMLINK) {
          link(root, file, new String(loader.getBytes(), StandardCharsets.UTF_8));
          continue;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
          loader.copyTo(out);
        }
      }
    }
  }

  private static void link(Path root, Path file, String target) throws IOException {
    Path resolved = file.getParent().resolve(target).normalize();
    if (resolved.startsWith(root)) {
      Files.createSymbolicLink(file, Path.of(target));
    }
  }

  /** The first 12 hex digits of the commit, for headers. */
  public String shortCommit() {
    return commit.substring(0, Math.min(12, commit.length()));
  }

  @Override
  public void close() {
    DirectoryTrees.deleteQuietly(root);
  }
}
