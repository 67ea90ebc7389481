package dev.cairn.source.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Persistent bare mirrors, one per URL, under a cache directory. Each mirror is fetched into
 * incrementally; a lock per mirror keeps two fetches of the same URL from interleaving.
 */
final class GitMirror {
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
    return locks.computeIfAbsent(directoryOf(url), d -> new ReentrantLock());
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
