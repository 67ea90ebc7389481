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
  private final String name;
  private final String branch;

  private LocalRepository(
      GitWorkingCopy workingCopy, GitHttpServer server, String name, String branch) {
    this.workingCopy = workingCopy;
    this.server = server;
    this.name = name;
    this.branch = branch;
  }

  /** Copies {@code source} to {@code workDir/fleet}, commits it on {@code main} and serves it. */
  public static LocalRepository create(Path source, Path workDir) {
    return create(source, workDir, NAME, "main");
  }

  /**
   * Copies the files of {@code source} (not its {@code .git}: the copy starts a history of its own)
   * to {@code workDir/name}, commits them on {@code branch} and serves the copy. Pushes to it are
   * accepted and update the working copy when it has no uncommitted changes.
   */
  public static LocalRepository create(Path source, Path workDir, String name, String branch) {
    Path target = workDir.resolve(name);
    copy(source, target);
    GitWorkingCopy copy = GitWorkingCopy.init(target);
    if (!branch.equals("main")) {
      copy.git("checkout", "-q", "-b", branch);
    }
    copy.commitAll("Initial fleet from " + source.getFileName());
    copy.git("config", "http.receivepack", "true");
    // The server's resolver finds <base>/<name>/.git for the URL path /<name>.
    return new LocalRepository(copy, GitHttpServer.start(workDir), name, branch);
  }

  /** The clone URL. */
  public String url() {
    return "http://127.0.0.1:" + server.port() + "/" + name;
  }

  public String branch() {
    return branch;
  }

  public Path directory() {
    return workingCopy.directory();
  }

  /** The commit {@code main} points at now. */
  public String head() {
    return workingCopy.git("rev-parse", "refs/heads/" + branch).strip();
  }

  /**
   * After {@code main} (the followed branch) moved from {@code previous}: when it moved by a push
   * (the index still holds {@code previous}'s tree), brings the index and files up to the pushed
   * commit, as git's {@code receive.denyCurrentBranch=updateInstead} does; a local commit needs
   * nothing. Local changes that the push would overwrite make git refuse, and they stay.
   */
  void updateAfterPush(String previous) {
    boolean indexAtHead = quiet("diff", "--cached", "--quiet", "HEAD");
    if (!indexAtHead && quiet("diff", "--cached", "--quiet", previous)) {
      quiet("read-tree", "-m", "-u", previous, "HEAD");
    }
  }

  private boolean quiet(String... args) {
    try {
      workingCopy.git(args);
      return true;
    } catch (IllegalStateException failed) {
      return false;
    }
  }

  @Override
  public void close() {
    server.close();
  }

  private static void copy(Path source, Path target) {
    Path workDir = target.toAbsolutePath().normalize().getParent();
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
              if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                  || dir.toAbsolutePath().normalize().equals(workDir)) {
                return FileVisitResult.SKIP_SUBTREE; // a --workdir inside the fleet
              }
              Files.createDirectories(target.resolve(source.relativize(dir).toString()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              if (file.getFileName().toString().equals(".git")) {
                return FileVisitResult.CONTINUE; // a submodule's or worktree's link file
              }
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
