package dev.cairn.kustomize.engine;

import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.KustomizeOptions;
import dev.cairn.kustomize.LoadRestriction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All file access of one build. Resolves every path to its real location (symlinks followed) and
 * refuses anything outside the build boundary or, under {@link LoadRestriction#ROOT_ONLY}, a file
 * outside the directory of the kustomization naming it. Remote references are refused. Each file is
 * read once per build.
 */
public final class FileLoader {
  private final Path boundary;
  private final Path displayRoot;
  private final KustomizeOptions options;
  private final Map<Path, byte[]> cache = new ConcurrentHashMap<>();

  public FileLoader(Path buildDir, KustomizeOptions options) {
    this.options = options;
    Path dir = buildDir.toAbsolutePath().normalize();
    this.displayRoot = dir;
    try {
      Path b = options.boundary() == null ? dir : options.boundary().toAbsolutePath().normalize();
      this.boundary = b.toRealPath();
    } catch (IOException e) {
      throw new KustomizeException(
          buildDir.toString(), 0, "build directory does not exist or cannot be read", e);
    }
  }

  /**
   * A path for messages and origins: relative to the build directory (with {@code ..} for bases
   * elsewhere inside the boundary); absolute only for paths outside the boundary.
   */
  public String display(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path base = displayRoot;
    if (!abs.startsWith(displayRoot)) {
      try {
        base = displayRoot.toRealPath();
      } catch (IOException e) {
        base = displayRoot;
      }
    }
    if (abs.startsWith(base) || abs.startsWith(boundary)) {
      String rel = base.relativize(abs).toString();
      return rel.isEmpty() ? "." : rel;
    }
    return abs.toString();
  }

  /** The real path of the build directory, checked against the boundary. */
  public Path buildRoot() {
    return confirmDir(displayRoot, displayRoot.toString(), null);
  }

  /** True when a reference looks remote (URL, git host or git ref) rather than a local path. */
  public static boolean looksRemote(String ref) {
    return ref.contains("://")
        || ref.startsWith("git@")
        || ref.startsWith("github.com/")
        || ref.startsWith("gitlab.com/")
        || ref.startsWith("bitbucket.org/")
        || ref.contains("?ref=")
        || ref.contains("?version=")
        || ref.contains(".git//");
  }

  /**
   * Resolves a file named in the kustomization at {@code kustDir}; throws when it does not exist or
   * lies outside what may be read.
   */
  public Path resolveFile(Path kustDir, String ref, String referrer) {
    if (looksRemote(ref)) {
      throw remote(ref, referrer);
    }
    Path candidate = kustDir.resolve(ref).normalize();
    Path real;
    try {
      real = candidate.toRealPath();
    } catch (NoSuchFileException e) {
      throw new KustomizeException(referrer, 0, "file '" + ref + "' does not exist");
    } catch (IOException e) {
      throw new KustomizeException(referrer, 0, "cannot read '" + ref + "': " + e.getMessage());
    }
    checkInside(real, kustDir, ref, referrer);
    return real;
  }

  /** Whether {@code ref} names an existing regular file (after resolving symlinks). */
  public boolean isFile(Path kustDir, String ref) {
    if (looksRemote(ref)) {
      return false;
    }
    return Files.isRegularFile(kustDir.resolve(ref));
  }

  /** Resolves a base or component directory; bases may lie anywhere inside the boundary. */
  public Path resolveDir(Path kustDir, String ref, String referrer) {
    if (looksRemote(ref)) {
      throw remote(ref, referrer);
    }
    if (Path.of(ref).isAbsolute()) {
      throw new KustomizeException(referrer, 0, "new root '" + ref + "' cannot be absolute");
    }
    return confirmDir(kustDir.resolve(ref).normalize(), ref, referrer);
  }

  private Path confirmDir(Path candidate, String ref, String referrer) {
    Path real;
    try {
      real = candidate.toRealPath();
    } catch (IOException e) {
      throw new KustomizeException(
          referrer, 0, "'" + ref + "' is neither a file nor a directory (it does not exist)");
    }
    if (!Files.isDirectory(real)) {
      throw new KustomizeException(referrer, 0, "'" + ref + "' is not a directory");
    }
    if (!real.startsWith(boundary)) {
      throw new KustomizeException(
          referrer, 0, "security; directory '" + ref + "' is outside the build boundary");
    }
    return real;
  }

  private void checkInside(Path real, Path kustDir, String ref, String referrer) {
    if (!real.startsWith(boundary)) {
      throw new KustomizeException(
          referrer, 0, "security; file '" + ref + "' is outside the build boundary");
    }
    if (options.loadRestriction() == LoadRestriction.ROOT_ONLY && !real.startsWith(kustDir)) {
      throw new KustomizeException(
          referrer,
          0,
          "security; file '"
              + ref
              + "' is not in or below '"
              + display(kustDir)
              + "' (load restriction root-only)");
    }
  }

  private static KustomizeException remote(String ref, String referrer) {
    return new KustomizeException(
        referrer, 0, "remote resource '" + ref + "' refused: remote bases are not supported");
  }

  /** Reads a resolved file (once per build). */
  public byte[] read(Path real, String referrer) {
    byte[] cached = cache.get(real);
    if (cached != null) {
      return cached;
    }
    try {
      long size = Files.size(real);
      if (size > options.maxFileBytes()) {
        throw new KustomizeException(
            display(real), 0, "file is larger than " + options.maxFileBytes() + " bytes");
      }
      byte[] bytes = Files.readAllBytes(real);
      cache.put(real, bytes);
      return bytes;
    } catch (IOException e) {
      throw new KustomizeException(referrer, 0, "cannot read '" + display(real) + "'", e);
    }
  }
}
