package dev.cairn.engine;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guards against the controller's cache lagging behind the engine's own writes. A reconciler is
 * handed the object the controller's informer holds; right after the engine wrote a status or the
 * finalizer, that copy can still be the version the write replaced. Each write is remembered as
 * (the version it replaced, the object it produced); an object handed in at the replaced version is
 * swapped for the produced one, and any other version (the cache caught up, or someone else wrote
 * since) is taken as it is.
 */
final class FreshObjects<T extends HasMetadata> {
  private record Written<T>(String replaced, T produced) {}

  private final Map<String, Written<T>> written = new ConcurrentHashMap<>();

  /**
   * {@code handed}, or what the engine last wrote when {@code handed} is the version it replaced.
   */
  T latest(T handed) {
    Written<T> last = written.get(key(handed));
    if (last == null) {
      return handed;
    }
    String version = handed.getMetadata().getResourceVersion();
    if (Objects.equals(version, last.replaced())) {
      return last.produced();
    }
    if (!Objects.equals(version, last.produced().getMetadata().getResourceVersion())) {
      written.remove(key(handed), last);
    }
    return handed;
  }

  /** Records that a write turned {@code before} into {@code after}; returns {@code after}. */
  T remember(T before, T after) {
    String replaced = before.getMetadata().getResourceVersion();
    if (after != before && !Objects.equals(replaced, after.getMetadata().getResourceVersion())) {
      written.put(key(after), new Written<>(replaced, after));
    }
    return after;
  }

  void forget(T object) {
    written.remove(key(object));
  }

  private static String key(HasMetadata object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }
}
