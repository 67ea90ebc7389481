package dev.cairn.source.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Writes a directory tree into a {@link TarballWriter}: entries sorted by name so the result is
 * reproducible; only regular files and directories (symbolic links and special files are skipped,
 * as Flux does).
 */
public final class DirectoryArchiver {
  private DirectoryArchiver() {}

  public static void write(Path directory, TarballWriter writer) throws IOException {
    write(directory, writer, (path, isDirectory) -> true);
  }

  /** Writes the tree with every entry placed below {@code prefix} (a relative directory). */
  public static void writeUnder(Path directory, String prefix, TarballWriter writer)
      throws IOException {
    String clean = EntryPaths.requireRelative(prefix);
    if (!clean.isEmpty()) {
      writer.addDirectory(clean);
    }
    walk(directory, clean.isEmpty() ? "" : clean + "/", writer, (path, isDirectory) -> true);
  }

  /**
   * Writes the tree, keeping only paths for which {@code include} answers true; the predicate gets
   * the slash-separated relative path and whether it is a directory. An excluded directory is not
   * descended into.
   */
  public static void write(
      Path directory, TarballWriter writer, BiPredicate<String, Boolean> include)
      throws IOException {
    walk(directory, "", writer, include);
  }

  private static void walk(
      Path dir, String prefix, TarballWriter writer, BiPredicate<String, Boolean> include)
      throws IOException {
    List<Path> children;
    try (Stream<Path> listing = Files.list(dir)) {
      children = listing.sorted().toList();
    }
    for (Path child : children) {
      String relative = prefix + child.getFileName();
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        if (include.test(relative, true)) {
          writer.addDirectory(relative);
          walk(child, relative + "/", writer, include);
        }
      } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)
          && include.test(relative, false)) {
        try (InputStream in = Files.newInputStream(child)) {
          writer.addFile(relative, Files.size(child), Files.isExecutable(child), in);
        }
      }
    }
  }
}
