package dev.cairn.server.dashboard.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-sent events at {@code /events}: one {@code change} event to every open stream after
 * objects changed (changes within {@value #COALESCE_MILLIS} ms coalesce into one), a comment every
 * 15 s to keep proxies from closing idle streams. Pages re-fetch their live fragments on it.
 */
final class LiveUpdates {
  static final long COALESCE_MILLIS = 200;

  private final Vertx vertx;
  private final Set<HttpServerResponse> streams = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicLong sequence = new AtomicLong();
  private final long heartbeat;

  LiveUpdates(Vertx vertx) {
    this.vertx = vertx;
    this.heartbeat = vertx.setPeriodic(15_000, id -> send(": keep-alive\n\n"));
  }

  void open(HttpServerResponse response) {
    response.setChunked(true);
    response.putHeader("Content-Type", "text/event-stream; charset=utf-8");
    response.putHeader("Cache-Control", "no-store");
    response.putHeader("X-Accel-Buffering", "no");
    streams.add(response);
    response.closeHandler(v -> streams.remove(response));
    response.write("retry: 2000\n\n");
  }

  /** Called by the cache on every change (any thread). */
  void changed() {
    if (pending.compareAndSet(false, true)) {
      vertx.setTimer(
          COALESCE_MILLIS,
          id -> {
            pending.set(false);
            send("event: change\ndata: " + sequence.incrementAndGet() + "\n\n");
          });
    }
  }

  int openStreams() {
    return streams.size();
  }

  private void send(String frame) {
    for (HttpServerResponse stream : streams) {
      if (stream.closed() || stream.ended()) {
        streams.remove(stream);
      } else {
        stream.write(frame);
      }
    }
  }

  void close() {
    vertx.cancelTimer(heartbeat);
    for (HttpServerResponse stream : streams) {
      if (!stream.closed()) {
        stream.end();
      }
    }
    streams.clear();
  }
}
