package dev.cairn.source.artifact;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content-addressed storage of source artifacts under one root directory: {@code
 * <root>/<kind>/<namespace>/<name>/<sha256 hex>.tar.gz} plus a history file per source.
 *
 * <p>Tarballs are written to a temp file and moved into place, so a crash never leaves a partial
 * artifact under its final name. The current artifact of a source is the last one stored; older
 * ones beyond {@link ArtifactStoreOptions#retain()} are garbage-collected after each store. A
 * failed store changes nothing, so the last good artifact stays available.
 */
public final class ArtifactStore {
  private static final String SUFFIX = ".tar.gz";

  private final Path root;
  private final ArtifactStoreOptions options;
  private final ConcurrentHashMap<SourceKey, Object> locks = new ConcurrentHashMap<>();
  private final ArtifactDownloader downloader;

  public ArtifactStore(Path root, ArtifactStoreOptions options) throws SourceException {
    this.options = options;
    try {
      Files.createDirectories(root);
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot create artifact store root " + root + ": " + e.getMessage(),
          e);
    }
    this.downloader =
        options.downloads().map(timeout -> new ArtifactDownloader(this, timeout)).orElse(null);
  }

  public Path root() {
    return root;
  }

  public ArtifactStoreOptions options() {
    return options;
  }

  /**
   * Downloads an artifact this store lacks from {@code url}, when the options allow downloads
   * ({@link ArtifactStoreOptions#downloadTimeout()}); returns false when they do not. The copy is
   * kept only if its SHA-256 is {@code digest} (see {@link ArtifactDownloader}).
   */
  public boolean download(String url, String path, String digest) throws SourceException {
    if (downloader == null) {
      return false;
    }
    downloader.download(url, path, digest);
    return true;
  }

  /**
   * Writes a new artifact for {@code key} and makes it current. Storing content identical to an
   * existing artifact reuses its file; storing the current content under the current revision
   * returns the current artifact unchanged (same {@code lastUpdateTime}).
   */
  public StoredArtifact store(SourceKey key, String revision, ArchiveContent content)
      throws SourceException {
    return storeBytes(
        key,
        revision,
        out -> {
          try (TarballWriter writer = new TarballWriter(out)) {
            content.writeTo(writer);
          }
        });
  }

  /**
   * Stores an existing gzip tarball byte for byte (an OCI layer copied as is), with the same rules
   * as {@link #store}; the artifact's digest is the tarball's own digest.
   */
  public StoredArtifact storeTarball(SourceKey key, String revision, byte[] gzipTarball)
      throws SourceException {
    return storeBytes(key, revision, out -> out.write(gzipTarball));
  }

  /** Writes an artifact's bytes; the stream is closed by the store. */
  @FunctionalInterface
  private interface ArtifactBytes {
    void writeTo(OutputStream out) throws IOException;
  }

  private StoredArtifact storeBytes(SourceKey key, String revision, ArtifactBytes bytes)
      throws SourceException {
    ArtifactHistory.requireStorable(revision);
    synchronized (lockOf(key)) {
      Path directory = directoryOf(key);
      Path temp = null;
      try {
        Files.createDirectories(directory);
        temp = Files.createTempFile(directory, ".artifact-", ".tmp");
        MessageDigest sha256 = sha256();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp));
            DigestOutputStream digesting = new DigestOutputStream(file, sha256)) {
          bytes.writeTo(digesting);
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        Path finalFile = directory.resolve(hex + SUFFIX);
        long size = Files.size(temp);
        List<StoredArtifact> existing = ArtifactHistory.read(directory);
        if (!existing.isEmpty() && Files.isRegularFile(finalFile)) {
          StoredArtifact current = existing.get(existing.size() - 1);
          if (current.hex().equals(hex) && current.revision().equals(revision)) {
            return current;
          }
        }
        Files.move(
            temp, finalFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        StoredArtifact artifact =
            new StoredArtifact(
                revision,
                "sha256:" + hex,
                key.relativeDirectory() + "/" + hex + SUFFIX,
                options.clock().instant(),
                size);
        List<StoredArtifact> history = new ArrayList<>(existing);
        history.removeIf(a -> a.digest().equals(artifact.digest()));
        history.add(artifact);
        List<StoredArtifact> kept =
            history.subList(Math.max(0, history.size() - options.retain()), history.size());
        ArtifactHistory.write(directory, kept);
        collectGarbage(directory, kept);
        return artifact;
      } catch (IOException | RuntimeException e) {
        throw new SourceException(
            SourceReason.STORAGE_OPERATION_FAILED,
            "cannot store artifact of " + key + " at revision " + revision + ": " + e.getMessage(),
            e);
      } finally {
        deleteIfPresent(temp);
      }
    }
  }

  /** Archives a directory on disk (files in name order, symbolic links skipped). */
  public StoredArtifact storeDirectory(SourceKey key, String revision, Path directory)
      throws SourceException {
    return store(key, revision, writer -> DirectoryArchiver.write(directory, writer));
  }

  /** The current artifact of a source, if one was stored. */
  public Optional<StoredArtifact> current(SourceKey key) throws SourceException {
    List<StoredArtifact> history = history(key);
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  /** The retained artifacts of a source, oldest first. */
  public List<StoredArtifact> history(SourceKey key) throws SourceException {
    synchronized (lockOf(key)) {
      try {
        return ArtifactHistory.read(directoryOf(key));
      } catch (IOException | RuntimeException e) {
        throw new SourceException(
            SourceReason.STORAGE_OPERATION_FAILED,
            "cannot read artifact history of " + key + ": " + e.getMessage(),
            e);
      }
    }
  }

  /**
   * Whether this store holds the file an artifact's {@code path} names. A status can name an
   * artifact another replica stored: each replica has its own store.
   */
  public boolean contains(String path) {
    Path file = root.resolve(path).normalize();
    return file.startsWith(root) && Files.isRegularFile(file);
  }

  /**
   * Puts an artifact another replica stored into this store under the same {@code path}, read from
   * {@code in}, if its SHA-256 is {@code digest}; anything else is refused and nothing is kept. The
   * path must name an artifact file as this store names them ({@code
   * <kind>/<namespace>/<name>/<sha256 hex>.tar.gz}, the hex the digest's). The source's history is
   * not changed: the file is there to be read until this replica stores the source itself.
   *
   * @param maxBytes the most bytes read before the copy is refused
   */
  public void adopt(String path, String digest, InputStream in, long maxBytes)
      throws SourceException {
    String hex = requireArtifactPath(path, digest);
    Path file = root.resolve(path).normalize();
    SourceKey key = keyOf(path);
    synchronized (lockOf(key)) {
      Path temp = null;
      try {
        Files.createDirectories(file.getParent());
        temp = Files.createTempFile(file.getParent(), ".artifact-", ".tmp");
        MessageDigest sha256 = sha256();
        long copied = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
          byte[] buffer = new byte[64 * 1024];
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            copied += n;
            if (copied > maxBytes) {
              throw new SourceException(
                  SourceReason.ARTIFACT_FAILED,
                  "artifact " + path + " is larger than " + maxBytes + " bytes: refused");
            }
            sha256.update(buffer, 0, n);
            out.write(buffer, 0, n);
          }
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(hex)) {
          throw new SourceException(
              SourceReason.ARTIFACT_FAILED,
              "artifact "
                  + path
                  + " has digest sha256:"
                  + actual
                  + ", not "
                  + digest
                  + " as its source's status says: refused");
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new SourceException(
            SourceReason.STORAGE_OPERATION_FAILED,
            "cannot copy artifact " + path + ": " + e.getMessage(),
            e);
      } finally {
        deleteIfPresent(temp);
      }
    }
  }

  /**
   * Checks that {@code path} names an artifact file of this store and that {@code digest} is its
   * {@code sha256:} digest; returns the hex.
   */
  private String requireArtifactPath(String path, String digest) throws SourceException {
    String[] segments = path == null ? new String[0] : path.split("/", -1);
    String hex =
        digest != null && digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : "";
    boolean shaped;
    try {
      shaped =
          segments.length == 4
              && hex.matches("[0-9a-f]{64}")
              && segments[3].equals(hex + SUFFIX)
              && keyOf(path) != null
              && root.resolve(path).normalize().startsWith(root);
    } catch (RuntimeException notAKeyOrPath) {
      shaped = false;
    }
    if (!shaped) {
      throw new SourceException(
          SourceReason.ARTIFACT_FAILED,
          "'" + path + "' with digest " + digest + " does not name an artifact of this store");
    }
    return hex;
  }

  private static SourceKey keyOf(String path) {
    String[] segments = path.split("/");
    return new SourceKey(segments[0], segments[1], segments[2]);
  }

  /** The file of an artifact on disk. */
  public Path fileOf(StoredArtifact artifact) throws SourceException {
    if (!contains(artifact.path())) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "artifact " + artifact.path() + " is not in the store at " + root);
    }
    return root.resolve(artifact.path()).normalize();
  }

  /** Opens an artifact's tarball for reading. */
  public InputStream open(StoredArtifact artifact) throws SourceException {
    try {
      return Files.newInputStream(fileOf(artifact));
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot open artifact " + artifact.path() + ": " + e.getMessage(),
          e);
    }
  }

  /** Unpacks an artifact into {@code target} with the store's extract limits. */
  public int extract(StoredArtifact artifact, Path target) throws SourceException {
    return new TarballExtractor(options.extractLimits()).extract(fileOf(artifact), target);
  }

  /**
   * Writes a small text note next to a source's artifacts (atomically: temp file + move), for what
   * a fetcher must remember across restarts; deleted with the source. {@code name} is lowercase
   * letters, digits and dashes.
   */
  public void writeNote(SourceKey key, String name, String text) throws SourceException {
    synchronized (lockOf(key)) {
      Path directory = directoryOf(key);
      Path temp = null;
      try {
        Files.createDirectories(directory);
        temp = Files.createTempFile(directory, ".note-", ".tmp");
        Files.writeString(temp, text, java.nio.charset.StandardCharsets.UTF_8);
        Files.move(
            temp,
            directory.resolve(noteFile(name)),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new SourceException(
            SourceReason.STORAGE_OPERATION_FAILED,
            "cannot write note " + name + " of " + key + ": " + e.getMessage(),
            e);
      } finally {
        deleteIfPresent(temp);
      }
    }
  }

  /** The note {@link #writeNote} wrote last, if any. */
  public Optional<String> readNote(SourceKey key, String name) throws SourceException {
    synchronized (lockOf(key)) {
      Path file = directoryOf(key).resolve(noteFile(name));
      try {
        return Files.isRegularFile(file)
            ? Optional.of(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8))
            : Optional.empty();
      } catch (IOException e) {
        throw new SourceException(
            SourceReason.STORAGE_OPERATION_FAILED,
            "cannot read note " + name + " of " + key + ": " + e.getMessage(),
            e);
      }
    }
  }

  private static String noteFile(String name) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("note name must be lowercase letters, digits, dashes");
    }
    return name + ".note";
  }

  /**
   * Every source with a directory in this store, found by walking {@code
   * <kind>/<namespace>/<name>}. Directories whose names cannot be a {@link SourceKey} are not
   * listed.
   */
  public List<StoredSource> sources() throws SourceException {
    List<StoredSource> found = new ArrayList<>();
    try {
      for (Path kind : directories(root)) {
        for (Path namespace : directories(kind)) {
          for (Path name : directories(namespace)) {
            SourceKey key;
            try {
              key =
                  new SourceKey(
                      kind.getFileName().toString(),
                      namespace.getFileName().toString(),
                      name.getFileName().toString());
            } catch (IllegalArgumentException notASource) {
              continue;
            }
            try {
              found.add(new StoredSource(key, Files.getLastModifiedTime(name).toInstant()));
            } catch (NoSuchFileException deletedMeanwhile) {
              // another thread deleted the source while the store was walked
            }
          }
        }
      }
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot list the artifact store: " + e.getMessage(),
          e);
    }
    return found;
  }

  private static List<Path> directories(Path parent) throws IOException {
    try (var entries = Files.list(parent)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (NoSuchFileException deletedMeanwhile) {
      return List.of();
    }
  }

  /** Deletes all artifacts and the history of a source. */
  public void delete(SourceKey key) throws SourceException {
    synchronized (lockOf(key)) {
      try {
        DirectoryTrees.delete(directoryOf(key));
      } catch (IOException e) {
        throw new SourceException(
            SourceReason.STORAGE_OPERATION_FAILED,
            "cannot delete artifacts of " + key + ": " + e.getMessage(),
            e);
      }
    }
  }

  private void collectGarbage(Path directory, List<StoredArtifact> kept) throws IOException {
    Set<String> keep = new HashSet<>();
    for (StoredArtifact a : kept) {
      keep.add(a.hex() + SUFFIX);
    }
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        boolean staleTarball = name.endsWith(SUFFIX) && !keep.contains(name);
        // temp files of this source are only alive under its lock: any left is from a crash
        boolean crashLeftover =
            name.startsWith(".artifact-")
                || name.startsWith(".history-")
                || name.startsWith(".note-");
        if (staleTarball || crashLeftover) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private Path directoryOf(SourceKey key) {
    return root.resolve(key.kind()).resolve(key.namespace()).resolve(key.name());
  }

  private Object lockOf(SourceKey key) {
    return locks.computeIfAbsent(key, k -> new Object());
  }

  private static void deleteIfPresent(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the temp file is named .artifact-*.tmp and never read; a leftover is harmless
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }
}
