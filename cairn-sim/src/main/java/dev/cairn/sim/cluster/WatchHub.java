package dev.cairn.sim.cluster;

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
 * events after it from a bounded history, as the real server does; from "0", no version or a
 * version older than the history, it starts with ADDED for every matching object. Deletions get a
 * resourceVersion of their own. Watches are kept by type, so a change is matched only against the
 * watches of its own type, and each event's frame is built once however many watches get it.
 */
final class WatchHub {
  private static final int HISTORY = 4096;

  /** One change, as the history keeps it. */
  private record Change(
      long resourceVersion, String typeKey, ObjectNode before, ObjectNode after, String json) {}

  private final Map<String, Set<Watch>> watchesByType = new ConcurrentHashMap<>();
  private final Deque<Change> history = new ArrayDeque<>();
  private final LongSupplier resourceVersions;
  private long droppedUpTo;

  WatchHub(LongSupplier resourceVersions) {
    this.resourceVersions = resourceVersions;
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
            before == null ? null : before.object(),
            after == null ? null : after.object(),
            json);
    history.addLast(change);
    if (history.size() > HISTORY) {
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

  /** The open watches of one type ({@code group/plural}), for tests. */
  int watchCount(String typeKey) {
    return watchesByType.getOrDefault(typeKey, Set.of()).size();
  }

  /** Registers a watch; the caller holds the read lock. */
  Watch open(
      String typeKey, ObjectSelector query, String fromVersion, List<ObjectStore.Stored> current) {
    Watch watch = new Watch(typeKey, query);
    long from = parse(fromVersion);
    if (from > 0 && from >= droppedUpTo) {
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

  private static long parse(String version) {
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

    /** The WebSocket is open: sends what queued, then every further frame, to {@code socket}. */
    synchronized void attach(Consumer<String> socket) {
      if (closed) {
        return;
      }
      this.socket = socket;
      pending.forEach(socket);
      pending.clear();
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
