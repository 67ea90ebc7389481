package dev.cairn.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.engine.notification.ReceiverGate;
import dev.cairn.notify.receiver.Verdict;
import dev.cairn.notify.receiver.WebhookCall;
import dev.cairn.notify.receiver.WebhookPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook receiver endpoint on its own port (Flux's is 9292): {@code /hook/<digest>} calls go
 * to {@link ReceiverGate}; a body over {@value #MAX_BODY} bytes gets 413, as Flux answers. Nothing
 * of the request (headers, body) is logged.
 */
public final class ReceiverServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiverServer.class);

  /** Flux's limit on a webhook body: 3 MiB. */
  public static final int MAX_BODY = 3 * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;

  private ReceiverServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on {@code address} (port 0 picks a free one). */
  public static ReceiverServer start(InetSocketAddress address, ReceiverGate gate) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 32);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + address + " for webhook receivers: " + e.getMessage(), e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread thread = new Thread(r, "cairn-receiver");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, gate));
    server.start();
    return new ReceiverServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://<host>:<port>}, the base of every Receiver's URL. */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  private static void handle(HttpExchange exchange, ReceiverGate gate) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.startsWith(WebhookPath.PREFIX)) {
        respond(exchange, 404, "not found");
        return;
      }
      byte[] body = readLimited(exchange.getRequestBody());
      if (body == null) {
        respond(exchange, 413, "request body exceeds " + MAX_BODY + " bytes");
        return;
      }
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
      Verdict verdict;
      try {
        verdict = gate.handle(path, new WebhookCall(exchange.getRequestMethod(), headers, body));
      } catch (RuntimeException e) {
        LOG.warn("webhook call failed: {}", e.getClass().getSimpleName());
        verdict = Verdict.rejected(500, "internal error");
      }
      if (verdict.status() >= 400) {
        LOG.info("webhook call refused ({}): {}", verdict.status(), verdict.message());
      } else {
        LOG.info("webhook call: {}", verdict.message());
      }
      respond(exchange, verdict.status(), verdict.message());
    }
  }

  /** The body, or null when it is longer than {@link #MAX_BODY}. */
  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    return body.length > MAX_BODY ? null : body;
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
