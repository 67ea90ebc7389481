package dev.cairn.render.tree;

import dev.cairn.render.RenderException;
import dev.cairn.render.RenderException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private, temporary copy of an artifact that rendering may write into (Flux writes its generated
 * kustomization into the extracted artifact the same way). The artifact itself is never changed.
 *
 * <p>Symlinks are copied as symlinks: one pointing inside the artifact is recreated relative so it
 * points inside the copy; one pointing outside keeps its target, so the Kustomize engine, bounded
 * to the copy, refuses to read through it. Closing deletes the copy.
 */
public final class WorkingCopy implements AutoCloseable {
  private final Path root;

  private WorkingCopy(Path root) {
    this.root = root;
  }

  /** Copies {@code artifactRoot} into a new temporary directory. */
  public static WorkingCopy of(Path artifactRoot) {
    Path target;
    try {
      target = Files.createTempDirectory("cairn-render-");
    } catch (IOException e) {
      throw new RenderException(Reason.IO, "cannot create a temporary directory: " + e, e);
    }
    WorkingCopy copy = new WorkingCopy(target);
    try {
      Path source = artifactRoot.toRealPath();
      Files.walkFileTree(source, new Copier(source, target));
    } catch (IOException | UncheckedIOException e) {
      copy.close();
      throw new RenderException(Reason.IO, "cannot copy the source artifact: " + e.getMessage(), e);
    }
    return copy;
  }

  /** The root of the copy (a real path). */
  public Path root() {
    return root;
  }

  @Override
  public void close() {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(WorkingCopy::deleteQuietly);
    } catch (IOException e) {
      // Best effort: a leftover temporary directory is not worth failing a render for.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // See close().
    }
  }

  private static final class Copier extends SimpleFileVisitor<Path> {
    private final Path source;
    private final Path target;

    Copier(Path source, Path target) throws IOException {
      this.source = source;
      this.target = target.toRealPath();
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
        throws IOException {
      Files.createDirectories(target.resolve(source.relativize(dir).toString()));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
      Path to = target.resolve(source.relativize(file).toString());
      if (attrs.isSymbolicLink()) {
        Files.createSymbolicLink(to, linkTarget(file, to));
      } else if (attrs.isRegularFile()) {
        Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
      }
      return FileVisitResult.CONTINUE;
    }

    private Path linkTarget(Path link, Path copy) throws IOException {
      Path declared = Files.readSymbolicLink(link);
      Path resolved = link.getParent().resolve(declared).normalize();
      try {
        resolved = resolved.toRealPath();
      } catch (IOException e) {
        return declared; // dangling: keep as is, reading it fails later with the file named
      }
      if (!resolved.startsWith(source)) {
        return declared;
      }
      Path inCopy = target.resolve(source.relativize(resolved).toString());
      return copy.getParent().relativize(inCopy);
    }
  }
}
