package dev.cairn.render.tree;

import dev.cairn.render.RenderException;
import dev.cairn.render.RenderException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves a Kustomization's {@code spec.path} inside an artifact, refusing anything that leaves
 * it: absolute paths, {@code ..} beyond the root, and symlinks whose target lies outside.
 */
public final class ArtifactPath {
  private ArtifactPath() {}

  /**
   * The directory {@code specPath} names, relative to {@code root}, as a path relative to the root
   * (empty for the root itself). A null or blank path, {@code .} and {@code ./} mean the root.
   *
   * @throws RenderException {@code PATH_OUTSIDE_ARTIFACT} or {@code PATH_NOT_FOUND}
   */
  public static Path resolve(Path root, String specPath) {
    String raw = specPath == null || specPath.isBlank() ? "." : specPath.strip();
    Path given;
    try {
      given = Path.of(raw);
    } catch (RuntimeException e) {
      throw new RenderException(Reason.PATH_NOT_FOUND, "path '" + raw + "' is not a valid path");
    }
    if (given.isAbsolute() || raw.startsWith("/") || raw.startsWith("\\")) {
      throw new RenderException(
          Reason.PATH_OUTSIDE_ARTIFACT,
          "path '" + raw + "' must be relative to the source root, not absolute");
    }
    Path realRoot = realPath(root, raw);
    Path lexical = realRoot.resolve(given).normalize();
    if (!lexical.startsWith(realRoot)) {
      throw new RenderException(
          Reason.PATH_OUTSIDE_ARTIFACT, "path '" + raw + "' points outside the source root");
    }
    if (!Files.exists(lexical, LinkOption.NOFOLLOW_LINKS) && !Files.exists(lexical)) {
      throw new RenderException(
          Reason.PATH_NOT_FOUND, "path '" + raw + "' not found in the source artifact");
    }
    Path real = realPath(lexical, raw);
    if (!real.startsWith(realRoot)) {
      throw new RenderException(
          Reason.PATH_OUTSIDE_ARTIFACT,
          "path '" + raw + "' follows a symlink outside the source root");
    }
    if (!Files.isDirectory(real)) {
      throw new RenderException(
          Reason.PATH_NOT_FOUND, "path '" + raw + "' is not a directory in the source artifact");
    }
    return realRoot.relativize(real);
  }

  private static Path realPath(Path path, String raw) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new RenderException(
          Reason.PATH_NOT_FOUND, "path '" + raw + "' not found in the source artifact", e);
    }
  }
}
