package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The objects of the simulated cluster, indexed by key, namespace, uid, owner uid and type so that
 * no request scans the whole store; every change is handed to the {@link WatchHub}. Callers hold
 * the dispatcher's write lock for every mutation and its read lock for reads.
 */
final class ObjectStore {

  /** Reacts to stored changes (readiness, garbage collection). Called under the write lock. */
  interface Listener {
    void stored(ResourceType type, ObjectKey key, JsonNode before, ObjectNode after);

    void removed(ResourceType type, ObjectKey key, ObjectNode last);
  }

  /** A stored object; {@code object} must not be mutated. */
  record Stored(ResourceType type, ObjectNode object, String json) {}

  private final Map<ObjectKey, Stored> objects = new HashMap<>();
  private final Map<String, Set<ObjectKey>> byNamespace = new HashMap<>();
  private final Map<String, Set<ObjectKey>> byType = new HashMap<>();
  private final Map<String, Set<ObjectKey>> byTypeAndNamespace = new HashMap<>();
  private final Map<String, ObjectKey> byUid = new HashMap<>();
  private final Map<String, Set<ObjectKey>> byOwnerUid = new HashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final WatchHub watches;

  ObjectStore(WatchHub watches) {
    this.watches = watches;
  }

  /** Stored objects of one type (in one namespace, unless null), for a watch's initial state. */
  List<Stored> objectsOf(String group, String plural, String namespace) {
    List<ObjectKey> keys =
        namespace == null ? ofType(group, plural) : ofType(group, plural, namespace);
    List<Stored> result = new ArrayList<>(keys.size());
    keys.forEach(k -> result.add(objects.get(k)));
    return result;
  }

  void addListener(Listener listener) {
    listeners.add(listener);
  }

  Stored get(ObjectKey key) {
    return objects.get(key);
  }

  boolean uidExists(String uid) {
    return byUid.containsKey(uid);
  }

  List<ObjectKey> inNamespace(String namespace) {
    return new ArrayList<>(byNamespace.getOrDefault(namespace, Set.of()));
  }

  List<ObjectKey> ofType(String group, String plural) {
    return new ArrayList<>(byType.getOrDefault(group + "/" + plural, Set.of()));
  }

  /** Keys of one type in one namespace (empty namespace: cluster-scoped objects). */
  List<ObjectKey> ofType(String group, String plural, String namespace) {
    return new ArrayList<>(
        byTypeAndNamespace.getOrDefault(group + "/" + plural + "/" + namespace, Set.of()));
  }

  List<ObjectKey> dependentsOf(String ownerUid) {
    return new ArrayList<>(byOwnerUid.getOrDefault(ownerUid, Set.of()));
  }

  /** Stores a copy of {@code object} and returns it with its JSON. */
  Stored put(ResourceType type, ObjectKey key, ObjectNode object) {
    Stored old = objects.get(key);
    String json = Json.write(object);
    // stored in parsed form so that numbers compare equal to those parsed from request bodies
    Stored stored = new Stored(type, ParsedForm.of(object), json);
    objects.put(key, stored);
    watches.changed(key, old, stored);
    if (old == null) {
      byNamespace.computeIfAbsent(key.namespace(), n -> new LinkedHashSet<>()).add(key);
      byType.computeIfAbsent(key.typeKey(), n -> new LinkedHashSet<>()).add(key);
      byTypeAndNamespace
          .computeIfAbsent(key.typeKey() + "/" + key.namespace(), n -> new LinkedHashSet<>())
          .add(key);
      byUid.put(object.path("metadata").path("uid").asText(), key);
    } else {
      ownerUids(old.object()).forEach(uid -> removeFrom(byOwnerUid, uid, key));
    }
    ownerUids(object)
        .forEach(uid -> byOwnerUid.computeIfAbsent(uid, u -> new LinkedHashSet<>()).add(key));
    JsonNode before = old == null ? null : old.object();
    listeners.forEach(l -> l.stored(type, key, before, stored.object()));
    return stored;
  }

  void remove(ObjectKey key) {
    Stored old = objects.remove(key);
    if (old == null) {
      return;
    }
    watches.changed(key, old, null);
    removeFrom(byNamespace, key.namespace(), key);
    removeFrom(byType, key.typeKey(), key);
    removeFrom(byTypeAndNamespace, key.typeKey() + "/" + key.namespace(), key);
    byUid.remove(old.object().path("metadata").path("uid").asText());
    ownerUids(old.object()).forEach(uid -> removeFrom(byOwnerUid, uid, key));
    listeners.forEach(l -> l.removed(old.type(), key, old.object()));
  }

  private static void removeFrom(Map<String, Set<ObjectKey>> index, String at, ObjectKey key) {
    Set<ObjectKey> keys = index.get(at);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        index.remove(at);
      }
    }
  }

  static List<String> ownerUids(JsonNode object) {
    List<String> uids = new ArrayList<>();
    for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
      if (ref.hasNonNull("uid")) {
        uids.add(ref.get("uid").asText());
      }
    }
    return uids;
  }
}
