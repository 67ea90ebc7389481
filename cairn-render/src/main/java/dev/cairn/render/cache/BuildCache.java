package dev.cairn.render.cache;

import dev.cairn.manifest.KubeObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The objects of recent kustomize builds, so Kustomizations whose builds read the same inputs (the
 * same {@link BuildKey}) build once: many Kustomizations over one folder that differ only after the
 * build (post-build substitution, common metadata), and every reconcile of an unchanged
 * Kustomization at an unchanged artifact.
 *
 * <p>Each caller gets its own deep copy; the cached objects are never handed out, so no caller can
 * see or change another's. Callers asking for a key being built wait for that build instead of
 * building again. Failed builds are not kept: callers waiting on one build for themselves, so every
 * Kustomization reports its own error exactly as without the cache.
 *
 * <p>Bounded by entries and by the estimated heap of the kept objects ({@link TreeWeight}); the
 * least recently used are dropped first, and a build larger than the whole bound is not kept. A new
 * artifact has a new digest, so a new key: nothing built from an earlier artifact is returned for
 * it, and its entries age out. Thread-safe.
 */
public final class BuildCache {
  /** Upper limit of the default byte bound. */
  public static final long MAX_DEFAULT_BYTES = 64L * 1024 * 1024;

  /** The default entry bound. */
  public static final int DEFAULT_ENTRIES = 16_384;

  private final int maxEntries;
  private final long maxBytes;
  private final LinkedHashMap<BuildKey, Slot> slots = new LinkedHashMap<>(64, 0.75f, true);
  private final AtomicLong builds = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private long bytes;

  private static final class Slot {
    final CompletableFuture<List<KubeObject>> ready = new CompletableFuture<>();
    boolean done;
    long weight;
  }

  public BuildCache(int maxEntries, long maxBytes) {
    if (maxEntries <= 0 || maxBytes <= 0) {
      throw new IllegalArgumentException("bounds must be positive");
    }
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /**
   * {@value #DEFAULT_ENTRIES} entries and a sixteenth of the maximum heap, at most 64 MiB (32 MiB
   * in the chart's default pod, whose heap is half of its 1 GiB limit).
   */
  public static BuildCache defaults() {
    return new BuildCache(
        DEFAULT_ENTRIES, Math.min(MAX_DEFAULT_BYTES, Runtime.getRuntime().maxMemory() / 16));
  }

  /**
   * Deep copies of the objects {@code build} returns for {@code key}, running it only when no
   * earlier or running build of an equal key can be used.
   */
  public List<KubeObject> get(BuildKey key, Supplier<List<KubeObject>> build) {
    Slot slot;
    boolean buildHere = false;
    synchronized (this) {
      slot = slots.get(key);
      if (slot == null) {
        slot = new Slot();
        slots.put(key, slot);
        buildHere = true;
      }
    }
    if (buildHere) {
      return copies(buildAndKeep(key, slot, build));
    }
    List<KubeObject> built;
    try {
      built = slot.ready.join();
    } catch (CompletionException e) {
      builds.incrementAndGet();
      return build.get();
    }
    hits.incrementAndGet();
    return copies(built);
  }

  /** Builds run through this cache (for tests and diagnostics). */
  public long builds() {
    return builds.get();
  }

  /** Results served from an earlier or concurrent build. */
  public long hits() {
    return hits.get();
  }

  /** Entries kept now, builds under way included. */
  public synchronized int size() {
    return slots.size();
  }

  /** The estimated heap of the kept objects. */
  public synchronized long bytes() {
    return bytes;
  }

  private List<KubeObject> buildAndKeep(BuildKey key, Slot slot, Supplier<List<KubeObject>> build) {
    List<KubeObject> built;
    long weight;
    try {
      builds.incrementAndGet();
      built = List.copyOf(build.get());
      weight = TreeWeight.of(built);
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        slots.remove(key, slot);
      }
      slot.ready.completeExceptionally(e); // waiters build for themselves
      throw e;
    }
    synchronized (this) {
      if (weight > maxBytes) {
        slots.remove(key, slot);
      } else {
        slot.done = true;
        slot.weight = weight;
        bytes += weight;
        evict();
      }
    }
    slot.ready.complete(built);
    return built;
  }

  private void evict() {
    Iterator<Slot> it = slots.values().iterator();
    while ((slots.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
      Slot oldest = it.next();
      if (oldest.done) {
        it.remove();
        bytes -= oldest.weight;
      }
    }
  }

  private static List<KubeObject> copies(List<KubeObject> objects) {
    List<KubeObject> out = new ArrayList<>(objects.size());
    for (KubeObject object : objects) {
      out.add(object.deepCopy());
    }
    return out;
  }
}
