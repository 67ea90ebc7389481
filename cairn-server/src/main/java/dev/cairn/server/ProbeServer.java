package dev.cairn.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /healthz} (200 while the process runs), {@code /readyz} (200 when ready, else 503) and
 * {@code /metrics} (Prometheus text) and {@code /v1/cert.pem} (the active SealedSecret certificate,
 * as the sealed-secrets controller serves it) on the JDK's HTTP server. GET and HEAD only.
 */
public final class ProbeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeServer.class);

  /** Where {@code kubeseal --fetch-cert} and {@code cairn seal} find the sealing certificate. */
  public static final String CERTIFICATE_PATH = "/v1/cert.pem";

  static final String PEM = "application/x-pem-file";
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private ProbeServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on {@code address} (port 0 picks a free one). */
  public static ProbeServer start(InetSocketAddress address, Probes probes) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 16);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + describe(address) + " for probes and metrics: " + e.getMessage(),
          e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread thread = new Thread(r, "cairn-probes");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/healthz", exchange -> respond(exchange, 200, "text/plain", "ok\n"));
    server.createContext(
        "/readyz",
        exchange -> {
          boolean ready = probes.ready().getAsBoolean();
          respond(exchange, ready ? 200 : 503, "text/plain", ready ? "ok\n" : "not ready\n");
        });
    server.createContext(
        "/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, probes.metrics().get()));
    server.createContext(
        CERTIFICATE_PATH,
        exchange -> {
          Optional<String> pem = probes.certificate().get();
          if (pem.isPresent()) {
            respond(exchange, 200, PEM, pem.get());
          } else {
            respond(exchange, 404, "text/plain", "no sealing key yet\n");
          }
        });
    server.start();
    LOG.debug("probes and metrics on {}", describe(server.getAddress()));
    return new ProbeServer(server, executor);
  }

  /**
   * Parses a bind address as Flux's flags take it: {@code :8080} (all interfaces), {@code
   * 127.0.0.1:8080} or {@code host:port}.
   */
  public static InetSocketAddress parseAddress(String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "bind address '" + text + "' should be host:port or :port (for example :8080)");
    }
    String host = text.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "bind address '" + text + "' has no valid port (for example :8080)", e);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "bind address '" + text + "': port must be between 0 and 65535");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  /** The address actually bound (with the chosen port). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      if ("HEAD".equals(method)) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String describe(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }
}
