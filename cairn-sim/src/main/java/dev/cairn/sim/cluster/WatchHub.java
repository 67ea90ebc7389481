package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Watches, replacing the fabric8 mock's: a watch is registered and given its initial events
 * atomically with respect to writes (the caller holds the read lock, writers the write lock), and
 * events that arrive before its WebSocket opens are queued, not lost. A watch from a recent {@code
 * resourceVersion} replays the events after it from a bounded history, as the real server does;
 * from "0", no version or a version older than the history, it starts with ADDED for every matching
 * object. Deletions get a resourceVersion of their own.
 */
final class WatchHub {
  private static final int HISTORY = 4096;

  /** One change, as the history keeps it. */
  private record Change(
      long resourceVersion, String typeKey, AttributeSet before, AttributeSet after, String json) {}

  private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
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
            before == null ? null : before.attributes(),
            after == null ? null : after.attributes(),
            json);
    history.addLast(change);
    if (history.size() > HISTORY) {
      droppedUpTo = history.removeFirst().resourceVersion();
    }
    for (Watch watch : watches) {
      if (watch.typeKey.equals(change.typeKey())) {
        String frame = frame(change, watch.query);
        if (frame != null) {
          watch.send(frame);
        }
      }
    }
  }

  /** Registers a watch; the caller holds the read lock. */
  WebSocketListener open(
      String typeKey, AttributeSet query, String fromVersion, List<ObjectStore.Stored> current) {
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
        if (stored.attributes().matches(query)) {
          watch.send(event("ADDED", stored.json()));
        }
      }
    }
    watches.add(watch);
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

  private static String frame(Change change, AttributeSet query) {
    boolean before = change.before() != null && change.before().matches(query);
    boolean after = change.after() != null && change.after().matches(query);
    if (before && after) {
      return event("MODIFIED", change.json());
    }
    if (before) {
      return event("DELETED", change.json());
    }
    if (after) {
      return event("ADDED", change.json());
    }
    return null;
  }

  private static String event(String type, String json) {
    return "{\"type\":\"" + type + "\",\"object\":" + json + "}";
  }

  /** One open watch: frames queue until the WebSocket opens. */
  private final class Watch extends WebSocketListener {
    private final String typeKey;
    private final AttributeSet query;
    private final List<String> pending = new ArrayList<>();
    private WebSocket socket;
    private boolean closed;

    Watch(String typeKey, AttributeSet query) {
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
        socket.send(frame);
      }
    }

    @Override
    public synchronized void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
      pending.forEach(webSocket::send);
      pending.clear();
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(code, reason);
      close();
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      close();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
      close();
    }

    private synchronized void close() {
      closed = true;
      pending.clear();
      watches.remove(this);
    }
  }
}
