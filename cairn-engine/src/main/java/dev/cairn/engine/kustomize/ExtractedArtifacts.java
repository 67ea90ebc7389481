package dev.cairn.engine.kustomize;

import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.artifact.StoredArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacked artifacts shared by runs: every Kustomization of one source revision renders from the
 * same read-only directory instead of unpacking the whole tarball again (a fleet of 1,000
 * Kustomizations over one repository unpacked it 1,000 times). Keyed by the artifact's digest; the
 * {@value #KEEP} most recently unpacked are kept, older ones are deleted once no run uses them.
 * Renderers must not write into the directory (cairn-render copies before it writes an overlay).
 * Argo CD Applications share them the same way, per commit of a repository.
 */
public final class ExtractedArtifacts implements AutoCloseable {
  static final int KEEP = 8;
  private static final Logger LOG = LoggerFactory.getLogger(ExtractedArtifacts.class);

  private final ArtifactStore store;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  public ExtractedArtifacts(ArtifactStore store) {
    this.store = store;
  }

  /** A directory in use by one run; close it when the run is done with it. */
  public final class Lease implements AutoCloseable {
    private final Entry entry;
    private final Path dir;

    private Lease(Entry entry, Path dir) {
      this.entry = entry;
      this.dir = dir;
    }

    public Path dir() {
      return dir;
    }

    @Override
    public void close() {
      release(entry);
    }
  }

  private static final class Entry {
    final CompletableFuture<Path> ready = new CompletableFuture<>();
    int users;
    boolean evicted;
  }

  /** The unpacked directory of {@code artifact}, unpacking it if no run has yet. */
  public Lease acquire(StoredArtifact artifact) throws SourceException {
    String key = artifact.digest() == null ? artifact.revision() : artifact.digest();
    Entry entry;
    boolean unpackHere = false;
    synchronized (this) {
      entry = entries.get(key);
      if (entry == null) {
        entry = new Entry();
        entries.put(key, entry);
        unpackHere = true;
        evictOldest();
      }
      entry.users++;
    }
    if (unpackHere) {
      unpack(key, entry, artifact);
    }
    try {
      return new Lease(entry, entry.ready.join());
    } catch (CompletionException e) {
      release(entry);
      if (e.getCause() instanceof SourceException source) {
        throw source;
      }
      throw e;
    }
  }

  private void unpack(String key, Entry entry, StoredArtifact artifact) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("cairn-artifact-");
      store.extract(artifact, dir);
      entry.ready.complete(dir);
    } catch (SourceException | IOException | RuntimeException e) {
      synchronized (this) {
        entries.remove(key, entry);
      }
      if (dir != null) {
        delete(dir);
      }
      entry.ready.completeExceptionally(
          e instanceof IOException io ? new UncheckedIOException(io) : e);
    }
  }

  private void evictOldest() {
    Iterator<Entry> it = entries.values().iterator();
    while (entries.size() > KEEP && it.hasNext()) {
      Entry oldest = it.next();
      it.remove();
      oldest.evicted = true;
      if (oldest.users == 0) {
        deleteWhenReady(oldest);
      }
    }
  }

  private void release(Entry entry) {
    synchronized (this) {
      entry.users--;
      if (!entry.evicted || entry.users > 0) {
        return;
      }
    }
    deleteWhenReady(entry);
  }

  private static void deleteWhenReady(Entry entry) {
    entry.ready.thenAccept(ExtractedArtifacts::delete);
  }

  private static void delete(Path dir) {
    try {
      DirectoryTrees.delete(dir);
    } catch (IOException e) {
      LOG.warn("cannot delete unpacked artifact {}: {}", dir, e.toString());
    }
  }

  /** Deletes every unpacked directory (runs still using one must be over). */
  @Override
  public void close() {
    List<Entry> all;
    synchronized (this) {
      all = new ArrayList<>(entries.values());
      entries.clear();
    }
    all.forEach(ExtractedArtifacts::deleteWhenReady);
  }
}
