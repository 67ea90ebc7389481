package dev.cairn.source.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Persistent bare mirrors, one per URL, under a cache directory. Each mirror is fetched into
 * incrementally; a lock per mirror keeps two fetches of the same URL from interleaving.
 */
final class GitMirror {
  private static final String LAST_USED = "cairn-last-used";

  private final Path cacheDirectory;
  private final ConcurrentHashMap<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

  GitMirror(Path cacheDirectory) {
    this.cacheDirectory = cacheDirectory;
  }

  /** The mirror directory of a URL: a hash of the URL, so no URL text reaches the file system. */
  Path directoryOf(GitUrl url) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(url.value().getBytes(StandardCharsets.UTF_8));
      return cacheDirectory.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".git");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }

  ReentrantLock lockOf(GitUrl url) {
    return lockOf(directoryOf(url));
  }

  ReentrantLock lockOf(Path mirror) {
    return locks.computeIfAbsent(mirror, d -> new ReentrantLock());
  }

  /** Records that the mirror of {@code url} was used at {@code now} (call under its lock). */
  void markUsed(GitUrl url, Instant now) throws IOException {
    Files.writeString(directoryOf(url).resolve(LAST_USED), now.toString(), StandardCharsets.UTF_8);
  }

  /** The mirror directories under the cache directory. */
  List<Path> mirrors() throws IOException {
    if (!Files.isDirectory(cacheDirectory)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(cacheDirectory)) {
      return children
          .filter(p -> p.getFileName().toString().endsWith(".git") && Files.isDirectory(p))
          .toList();
    }
  }

  /** When a mirror was last used; its directory's modification time if it has no record. */
  static Instant lastUsed(Path mirror) throws IOException {
    Path record = mirror.resolve(LAST_USED);
    if (Files.isRegularFile(record)) {
      try {
        return Instant.parse(Files.readString(record, StandardCharsets.UTF_8).strip());
      } catch (DateTimeParseException e) {
        // an unreadable record counts as no record
      }
    }
    return Files.getLastModifiedTime(mirror).toInstant();
  }

  /** Opens the mirror of {@code url}, creating an empty bare repository the first time. */
  Repository open(GitUrl url) throws IOException {
    Path directory = directoryOf(url);
    Repository repository =
        new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().build();
    if (!Files.exists(directory.resolve("objects"))) {
      Files.createDirectories(cacheDirectory);
      repository.create(true);
    }
    return repository;
  }

  /** Whether the mirror holds shallow history (a {@code shallow} file with entries). */
  static boolean isShallow(Repository repository) throws IOException {
    return !repository.getObjectDatabase().getShallowCommits().isEmpty();
  }
}
