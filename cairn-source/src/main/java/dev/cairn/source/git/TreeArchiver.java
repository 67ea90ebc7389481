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
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;

/**
 * Writes the tree of a commit straight from the object database into a tarball, without a working
 * copy. Honours Flux's default excludes, every {@code .sourceignore} in the tree (scoped to its
 * directory) and the spec's patterns. Regular and executable files only: symbolic links are
 * skipped, as in Flux's archives, and so are submodules unless they were checked out ({@link
 * Submodules}).
 */
final class TreeArchiver {
  private TreeArchiver() {}

  /**
   * Writes {@code commit}'s tree, limited to the {@code sparse} directories (normalized, see {@link
   * #sparseDirectories}) and the directories leading to them, empty meaning the whole tree; the
   * tree of each checked-out submodule ({@code submodules}, by gitlink path) stands in place of its
   * gitlink, and gitlinks without a checkout are skipped, as Flux does without {@code
   * recurseSubmodules}. The superproject's ignore rules apply to submodule paths too.
   */
  static void write(
      Repository repository,
      RevCommit commit,
      List<String> specIgnore,
      List<String> sparse,
      Map<String, Submodules.Checkout> submodules,
      TarballWriter writer)
      throws IOException {
    try (ObjectReader reader = repository.newObjectReader()) {
      SourceIgnore ignore = rules(reader, commit, specIgnore);
      writeTree(reader, commit.getTree(), "", ignore, sparse, submodules, writer);
    }
  }

  private static void writeTree(
      ObjectReader reader,
      RevTree tree,
      String prefix,
      SourceIgnore ignore,
      List<String> sparse,
      Map<String, Submodules.Checkout> submodules,
      TarballWriter writer)
      throws IOException {
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(tree);
      walk.setRecursive(false);
      while (walk.next()) {
        String path = prefix + walk.getPathString();
        FileMode mode = walk.getFileMode(0);
        if (walk.isSubtree()) {
          if (!ignore.isIgnored(path, true)
              && (inSparse(sparse, path) || leadsToSparse(sparse, path))) {
            writer.addDirectory(path);
            walk.enterSubtree();
          }
        } else if (mode == FileMode.GITLINK) {
          Submodules.Checkout checkout = submodules.get(path);
          if (checkout != null
              && !ignore.isIgnored(path, true)
              && (inSparse(sparse, path) || leadsToSparse(sparse, path))) {
            writer.addDirectory(path);
            try (ObjectReader nested = checkout.repository().newObjectReader()) {
              writeTree(
                  nested,
                  checkout.commit().getTree(),
                  path + "/",
                  ignore,
                  sparse,
                  submodules,
                  writer);
            }
          }
        } else if ((mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE)
            && inSparse(sparse, path)
            && !ignore.isIgnored(path, false)) {
          ObjectLoader blob = reader.open(walk.getObjectId(0));
          try (InputStream in = blob.openStream()) {
            writer.addFile(path, blob.getSize(), mode == FileMode.EXECUTABLE_FILE, in);
          }
        }
      }
    }
  }

  /**
   * Flux's {@code sparseCheckout} entries as plain relative directory paths ({@code ./deploy/} →
   * {@code deploy}); null when one is absolute or climbs out with {@code ..}.
   */
  static List<String> sparseDirectories(List<String> entries) {
    List<String> dirs = new java.util.ArrayList<>();
    for (String entry : entries) {
      String dir = entry.strip().replaceAll("^(\\./)+", "").replaceAll("/+$", "");
      if (dir.startsWith("/") || java.util.Arrays.asList(dir.split("/")).contains("..")) {
        return null;
      }
      if (dir.isEmpty() || dir.equals(".")) {
        return List.of();
      }
      dirs.add(dir);
    }
    return dirs;
  }

  /** The sparse directories that are not directories in {@code commit}'s tree. */
  static List<String> missingDirectories(
      Repository repository, RevCommit commit, List<String> sparse) throws IOException {
    List<String> missing = new java.util.ArrayList<>();
    try (ObjectReader reader = repository.newObjectReader()) {
      for (String dir : sparse) {
        try (TreeWalk walk = TreeWalk.forPath(reader, dir, commit.getTree())) {
          if (walk == null || walk.getFileMode(0) != FileMode.TREE) {
            missing.add(dir);
          }
        }
      }
    }
    return missing;
  }

  private static boolean inSparse(List<String> sparse, String path) {
    return sparse.isEmpty()
        || sparse.stream().anyMatch(dir -> path.equals(dir) || path.startsWith(dir + "/"));
  }

  private static boolean leadsToSparse(List<String> sparse, String directory) {
    return sparse.stream().anyMatch(dir -> dir.startsWith(directory + "/"));
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
