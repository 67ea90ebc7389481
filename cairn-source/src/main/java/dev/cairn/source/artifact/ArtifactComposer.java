package dev.cairn.source.artifact;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Composes a new artifact from a base artifact and included ones (Flux's {@code spec.include}): the
 * base's entries except those under any {@code toPath}, then each include's entries below its
 * {@code fromPath}, moved under its {@code toPath}. The result keeps the base's revision.
 */
public final class ArtifactComposer {
  private final ArtifactStore store;

  public ArtifactComposer(ArtifactStore store) {
    this.store = store;
  }

  public StoredArtifact compose(SourceKey key, StoredArtifact base, List<ArtifactInclude> includes)
      throws SourceException {
    if (includes.isEmpty()) {
      return base;
    }
    List<String> replaced = includes.stream().map(ArtifactInclude::toPath).toList();
    try (InputStream baseIn = store.open(base)) {
      // open all inputs before writing so a missing include fails before anything is stored
      for (ArtifactInclude include : includes) {
        store.fileOf(include.artifact());
      }
      return store.store(
          key,
          base.revision(),
          writer -> {
            copy(baseIn, writer, path -> under(path, replaced) ? null : path);
            for (ArtifactInclude include : includes) {
              try (InputStream in = openQuietly(include.artifact())) {
                copy(in, writer, path -> relocate(path, include));
              }
            }
          });
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.ARTIFACT_FAILED,
          "cannot compose artifact of " + key + " from " + base.path() + ": " + e.getMessage(),
          e);
    }
  }

  private InputStream openQuietly(StoredArtifact artifact) throws IOException {
    try {
      return store.open(artifact);
    } catch (SourceException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static boolean under(String path, List<String> directories) {
    return directories.stream().anyMatch(d -> path.equals(d) || path.startsWith(d + "/"));
  }

  private static String relocate(String path, ArtifactInclude include) {
    String from = include.fromPath();
    String rest;
    if (from.isEmpty()) {
      rest = path;
    } else if (path.equals(from)) {
      rest = "";
    } else if (path.startsWith(from + "/")) {
      rest = path.substring(from.length() + 1);
    } else {
      return null;
    }
    return rest.isEmpty() ? include.toPath() : include.toPath() + "/" + rest;
  }

  /** Copies files and directories whose mapped path is not null; links are dropped. */
  private static void copy(InputStream archive, TarballWriter writer, UnaryOperator<String> map)
      throws IOException {
    TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GZIPInputStream(new BufferedInputStream(archive), 64 * 1024), "UTF-8");
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      if (EntryPaths.whyUnsafe(entry.getName()) != null) {
        throw new IOException("unsafe entry '" + entry.getName() + "' in a stored artifact");
      }
      String path = EntryPaths.requireRelative(entry.getName());
      String target = path.isEmpty() ? null : map.apply(path);
      if (target == null) {
        continue;
      }
      if (entry.isDirectory()) {
        writer.addDirectory(target);
      } else if (entry.getLinkFlag() == '0' || entry.getLinkFlag() == 0) {
        writer.addFile(target, entry.getSize(), (entry.getMode() & 0100) != 0, tar);
      }
    }
  }
}
