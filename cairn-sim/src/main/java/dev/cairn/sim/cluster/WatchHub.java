package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Watches: a watch is registered and given its initial events atomically with respect to writes
 * (the caller holds the read lock, writers the write lock), and events that arrive before its
 * WebSocket opens are queued, not lost. A watch from a recent {@code resourceVersion} replays the
 * events after it from a bounded history, as the real server does; from "0" or no version it starts
 * with ADDED for every matching object. A watch from a version older than the history gets one
 * ERROR event carrying a 410 {@code Expired} Status and ends, as kube-apiserver's watch cache
 * answers (staging/src/k8s.io/apiserver/pkg/storage/cacher: watch_cache.go's
 * getAllEventsSinceLocked returns NewResourceExpired "too old resource version: %d (%d)", which
 * cacher.go hands to the client as the single event of an error watcher); the client must list
 * again. {@link #forget} drops every watch and the whole history, as a restarted API server's empty
 * watch cache does. Deletions get a resourceVersion of their own. Watches are kept by type, so a
 * change is matched only against the watches of its own type, and each event's frame is built once
 * however many watches get it.
 */
final class WatchHub {
  static final int HISTORY = 4096;
  private static final List<String> SELECTED_METADATA = List.of("name", "namespace", "labels");

  /**
   * One change, as the history keeps it: {@code before} and {@code after} are only what a selector
   * looks at ({@link #selectable}), so that the history does not keep whole superseded objects.
   */
  private record Change(
      long resourceVersion, String typeKey, ObjectNode before, ObjectNode after, String json) {}

  private final Map<String, Set<Watch>> watchesByType = new ConcurrentHashMap<>();
  private final Deque<Change> history = new ArrayDeque<>();
  private final LongSupplier resourceVersions;
  private final int capacity;
  private long droppedUpTo;

  WatchHub(LongSupplier resourceVersions) {
    this(resourceVersions, HISTORY);
  }

  /** A hub whose history keeps the last {@code capacity} changes. */
  WatchHub(LongSupplier resourceVersions, int capacity) {
    this.resourceVersions = resourceVersions;
    this.capacity = capacity;
  }

  /**
   * Ends every open watch and forgets the history up to {@code currentVersion}: a watch (or an
   * exact list) from an older version is answered 410 from now on. The caller holds the write lock.
   */
  void forget(long currentVersion) {
    history.clear();
    droppedUpTo = Math.max(droppedUpTo, currentVersion);
    for (Set<Watch> ofType : watchesByType.values()) {
      for (Watch watch : List.copyOf(ofType)) {
        watch.end();
      }
    }
  }

  /** Whether the history no longer reaches back to {@code version} (a positive version). */
  boolean expired(long version) {
    return version > 0 && version < droppedUpTo;
  }

  /** The 410 a request from a version older than the history gets. */
  ApiException tooOld(long version) {
    return new ApiException(
        410, "Expired", "too old resource version: " + version + " (" + droppedUpTo + ")");
  }

  /** Called by the store under the write lock; returns the JSON of a deleted object. */
  void changed(ObjectKey key, ObjectStore.Stored before, ObjectStore.Stored after) {
    String json;
    long version;
    if (after != null) {
      json = after.json();
      version = after.object().path("metadata").path("resourceVersion").asLong();
    } else {
      version = resourceVersions.getAsLong();
      ObjectNode deleted = before.object().deepCopy();
      deleted.with("metadata").put("resourceVersion", String.valueOf(version));
      json = Json.write(deleted);
    }
    Change change =
        new Change(
            version,
            key.typeKey(),
            before == null ? null : selectable(before.object()),
            after == null ? null : selectable(after.object()),
            json);
    history.addLast(change);
    if (history.size() > capacity) {
      droppedUpTo = history.removeFirst().resourceVersion();
    }
    Set<Watch> ofType = watchesByType.get(change.typeKey());
    if (ofType == null) {
      return;
    }
    Frames frames = new Frames(change.json());
    for (Watch watch : ofType) {
      String frame = frames.of(eventType(change, watch.query));
      if (frame != null) {
        watch.send(frame);
      }
    }
  }

  /**
   * The parts of an object an {@link ObjectSelector} reads: apiVersion and metadata's name,
   * namespace and labels (the labels node is shared: stored objects are never mutated).
   */
  static ObjectNode selectable(ObjectNode object) {
    ObjectNode view = Json.MAPPER.createObjectNode();
    JsonNode apiVersion = object.get("apiVersion");
    if (apiVersion != null) {
      view.set("apiVersion", apiVersion);
    }
    JsonNode metadata = object.get("metadata");
    if (metadata != null && metadata.isObject()) {
      ObjectNode selected = view.putObject("metadata");
      for (String field : SELECTED_METADATA) {
        JsonNode value = metadata.get(field);
        if (value != null) {
          selected.set(field, value);
        }
      }
    }
    return view;
  }

  /** The open watches of one type ({@code group/plural}), for tests. */
  int watchCount(String typeKey) {
    return watchesByType.getOrDefault(typeKey, Set.of()).size();
  }

  /** Registers a watch; the caller holds the read lock. */
  Watch open(
      String typeKey, ObjectSelector query, String fromVersion, List<ObjectStore.Stored> current) {
    Watch watch = new Watch(typeKey, query);
    long from = parse(fromVersion);
    if (expired(from)) {
      watch.send(
          "{\"type\":\"ERROR\",\"object\":" + Json.write(tooOld(from).toStatus(null, null)) + "}");
      watch.end();
      return watch;
    }
    if (from > 0) {
      for (Change change : history) {
        if (change.resourceVersion() > from && change.typeKey().equals(typeKey)) {
          String frame = frame(change, query);
          if (frame != null) {
            watch.send(frame);
          }
        }
      }
    } else {
      for (ObjectStore.Stored stored : current) {
        if (query.matches(stored.object())) {
          watch.send(event("ADDED", stored.json()));
        }
      }
    }
    watchesByType.computeIfAbsent(typeKey, t -> ConcurrentHashMap.newKeySet()).add(watch);
    return watch;
  }

  static long parse(String version) {
    if (version == null || version.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String frame(Change change, ObjectSelector query) {
    String type = eventType(change, query);
    return type == null ? null : event(type, change.json());
  }

  /** MODIFIED, DELETED or ADDED as seen through {@code query}; null when it sees neither side. */
  private static String eventType(Change change, ObjectSelector query) {
    boolean before = change.before() != null && query.matches(change.before());
    boolean after = change.after() != null && query.matches(change.after());
    if (before && after) {
      return "MODIFIED";
    }
    if (before) {
      return "DELETED";
    }
    return after ? "ADDED" : null;
  }

  /** The frames of one change, each built on first use. */
  private static final class Frames {
    private final String json;
    private final Map<String, String> built = new HashMap<>(4);

    Frames(String json) {
      this.json = json;
    }

    String of(String type) {
      return type == null ? null : built.computeIfAbsent(type, t -> event(t, json));
    }
  }

  private static String event(String type, String json) {
    return "{\"type\":\"" + type + "\",\"object\":" + json + "}";
  }

  /**
   * One open watch: frames queue until {@link #attach} hands it the WebSocket to write to, and stop
   * at {@link #close}.
   */
  final class Watch {
    private final String typeKey;
    private final ObjectSelector query;
    private final List<String> pending = new ArrayList<>();
    private Consumer<String> socket;
    private Runnable hangUp;
    private boolean ending;
    private boolean closed;

    Watch(String typeKey, ObjectSelector query) {
      this.typeKey = typeKey;
      this.query = query;
    }

    synchronized void send(String frame) {
      if (closed) {
        return;
      }
      if (socket == null) {
        pending.add(frame);
      } else {
        socket.accept(frame);
      }
    }

    /**
     * The WebSocket is open: sends what queued, then every further frame, to {@code socket}; {@code
     * hangUp} closes the WebSocket when the server ends the watch.
     */
    synchronized void attach(Consumer<String> socket, Runnable hangUp) {
      if (closed) {
        return;
      }
      this.socket = socket;
      this.hangUp = hangUp;
      pending.forEach(socket);
      pending.clear();
      if (ending) {
        close();
        hangUp.run();
      }
    }

    /**
     * The server ends this watch: nothing further is sent; what is queued still goes out once the
     * WebSocket opens, then it closes.
     */
    synchronized void end() {
      Set<Watch> ofType = watchesByType.get(typeKey);
      if (ofType != null) {
        ofType.remove(this);
      }
      if (socket == null) {
        ending = true;
        return;
      }
      close();
      hangUp.run();
    }

    /** The WebSocket closed or failed, or never opened. */
    synchronized void close() {
      closed = true;
      pending.clear();
      Set<Watch> ofType = watchesByType.get(typeKey);
      if (ofType != null) {
        ofType.remove(this);
      }
    }
  }
}
