package dev.cairn.source.git;

import dev.cairn.source.artifact.TarballWriter;
import dev.cairn.source.ignore.SourceIgnore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;

/**
 * Writes the tree of a commit straight from the object database into a tarball, without a working
 * copy. Honours Flux's default excludes, every {@code .sourceignore} in the tree (scoped to its
 * directory) and the spec's patterns. Regular and executable files only: symbolic links and
 * submodules are skipped, as in Flux's archives.
 */
final class TreeArchiver {
  private TreeArchiver() {}

  static void write(
      Repository repository, RevCommit commit, List<String> specIgnore, TarballWriter writer)
      throws IOException {
    try (ObjectReader reader = repository.newObjectReader()) {
      SourceIgnore ignore = rules(reader, commit, specIgnore);
      try (TreeWalk walk = new TreeWalk(reader)) {
        walk.addTree(commit.getTree());
        walk.setRecursive(false);
        while (walk.next()) {
          String path = walk.getPathString();
          FileMode mode = walk.getFileMode(0);
          if (walk.isSubtree()) {
            if (!ignore.isIgnored(path, true)) {
              writer.addDirectory(path);
              walk.enterSubtree();
            }
          } else if ((mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE)
              && !ignore.isIgnored(path, false)) {
            ObjectLoader blob = reader.open(walk.getObjectId(0));
            try (InputStream in = blob.openStream()) {
              writer.addFile(path, blob.getSize(), mode == FileMode.EXECUTABLE_FILE, in);
            }
          }
        }
      }
    }
  }

  /** Defaults, then {@code .sourceignore} files shallowest first, then the spec's patterns. */
  static SourceIgnore rules(ObjectReader reader, RevCommit commit, List<String> specIgnore)
      throws IOException {
    Map<String, String> files = new TreeMap<>(byDepthThenName());
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      walk.setFilter(PathSuffixFilter.create("/" + SourceIgnore.FILE_NAME));
      collect(walk, reader, files);
    }
    try (TreeWalk walk = TreeWalk.forPath(reader, SourceIgnore.FILE_NAME, commit.getTree())) {
      if (walk != null && walk.getFileMode(0) == FileMode.REGULAR_FILE) {
        files.put("", read(reader, walk));
      }
    }
    SourceIgnore ignore = SourceIgnore.defaults();
    for (Map.Entry<String, String> file : files.entrySet()) {
      ignore = ignore.withFile(file.getKey(), file.getValue());
    }
    return ignore.withPatterns("", specIgnore);
  }

  private static void collect(TreeWalk walk, ObjectReader reader, Map<String, String> files)
      throws IOException {
    while (walk.next()) {
      if (walk.getFileMode(0) != FileMode.REGULAR_FILE) {
        continue;
      }
      String path = walk.getPathString();
      String directory = path.substring(0, path.length() - SourceIgnore.FILE_NAME.length() - 1);
      files.put(directory, read(reader, walk));
    }
  }

  private static String read(ObjectReader reader, TreeWalk walk) throws IOException {
    byte[] bytes = reader.open(walk.getObjectId(0)).getCachedBytes(1024 * 1024);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Comparator<String> byDepthThenName() {
    Comparator<String> depth = Comparator.comparingInt(p -> p.isEmpty() ? 0 : p.split("/").length);
    return depth.thenComparing(Comparator.naturalOrder());
  }
}
