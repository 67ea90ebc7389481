package dev.cairn.image.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scanned tags of each ImageRepository ({@code namespace/name}), kept in the controller's
 * memory as Flux keeps them in its own database rather than in etcd. A restart rescans.
 * Thread-safe.
 */
public final class TagStore {
  private final Map<String, List<String>> tags = new ConcurrentHashMap<>();

  public void put(String namespace, String name, List<String> scanned) {
    tags.put(key(namespace, name), List.copyOf(scanned));
  }

  /** The tags of the last scan, empty when the repository was not scanned since start. */
  public Optional<List<String>> get(String namespace, String name) {
    return Optional.ofNullable(tags.get(key(namespace, name)));
  }

  public void remove(String namespace, String name) {
    tags.remove(key(namespace, name));
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
