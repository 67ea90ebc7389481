package dev.cairn.cli.up;

import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A copy of a fleet directory as a Git working copy with one commit on {@code main}, served over
 * smart HTTP on 127.0.0.1 straight from its {@code .git}: a commit in the working copy is what the
 * server serves, with no push.
 */
public final class LocalRepository implements AutoCloseable {
  static final String NAME = "fleet";

  private final GitWorkingCopy workingCopy;
  private final GitHttpServer server;

  private LocalRepository(GitWorkingCopy workingCopy, GitHttpServer server) {
    this.workingCopy = workingCopy;
    this.server = server;
  }

  /** Copies {@code source} to {@code workDir/fleet}, commits it and serves it. */
  public static LocalRepository create(Path source, Path workDir) {
    Path target = workDir.resolve(NAME);
    copy(source, target);
    GitWorkingCopy copy = GitWorkingCopy.init(target);
    copy.commitAll("Initial fleet from " + source.getFileName());
    // The server's resolver finds <base>/fleet/.git for the URL path /fleet.
    return new LocalRepository(copy, GitHttpServer.start(workDir));
  }

  /** The clone URL. */
  public String url() {
    return "http://127.0.0.1:" + server.port() + "/" + NAME;
  }

  public Path directory() {
    return workingCopy.directory();
  }

  /** The commit {@code main} points at now. */
  public String head() {
    return workingCopy.git("rev-parse", "refs/heads/main").strip();
  }

  @Override
  public void close() {
    server.close();
  }

  private static void copy(Path source, Path target) {
    if (Files.exists(target)) {
      throw new IllegalStateException(target + " already exists; pass an empty --workdir");
    }
    try {
      Files.walkFileTree(
          source,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Files.createDirectories(target.resolve(source.relativize(dir).toString()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.copy(
                  file,
                  target.resolve(source.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
    }
  }
}
