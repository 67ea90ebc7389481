package dev.cairn.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a replica's artifact store over HTTP, as Flux's source-controller serves its storage:
 * {@code GET /<kind>/<namespace>/<name>/<sha256 hex>.tar.gz} (and {@code HEAD}), the URL written
 * into {@code status.artifact.url}. Only artifact files inside the store are served: any other
 * path, one that leaves the store (through {@code ..} or a symbolic link) or a file that is not
 * there is 404; methods other than GET and HEAD are 405.
 */
public final class ArtifactServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArtifactServer.class);
  private static final Pattern SEGMENT = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
  private static final Pattern FILE = Pattern.compile("[0-9a-f]{64}\\.tar\\.gz");

  private final HttpServer server;
  private final ExecutorService executor;

  private ArtifactServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving the store at {@code root} on {@code address} (port 0 picks a free one). */
  public static ArtifactServer start(InetSocketAddress address, Path root) {
    Path realRoot;
    HttpServer server;
    try {
      realRoot = root.toRealPath();
      server = HttpServer.create(address, 32);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve artifacts of " + root + " on " + address + ": " + e.getMessage(), e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread thread = new Thread(r, "cairn-artifacts");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", exchange -> serve(exchange, realRoot));
    server.start();
    LOG.debug("artifacts of {} on {}", realRoot, server.getAddress());
    return new ArtifactServer(server, executor);
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

  private static void serve(HttpExchange exchange, Path root) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Optional<Path> file = fileOf(exchange.getRequestURI().getRawPath(), root);
      if (file.isEmpty()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long size = Files.size(file.get());
      exchange.getResponseHeaders().set("Content-Type", "application/gzip");
      if ("HEAD".equals(method)) {
        exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
      try (InputStream in = Files.newInputStream(file.get());
          OutputStream out = exchange.getResponseBody()) {
        in.transferTo(out);
      }
    }
  }

  /**
   * The artifact file a raw request path names, if it is one: four segments of lower-case names (no
   * escapes, so no encoded {@code /} or {@code ..}), the last a digest's file name, resolving
   * (symbolic links followed) to a regular file inside the store.
   */
  static Optional<Path> fileOf(String rawPath, Path root) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return Optional.empty();
    }
    String[] segments = rawPath.substring(1).split("/", -1);
    if (segments.length != 4 || !FILE.matcher(segments[3]).matches()) {
      return Optional.empty();
    }
    for (int i = 0; i < 3; i++) {
      if (!SEGMENT.matcher(segments[i]).matches() || segments[i].contains("..")) {
        return Optional.empty();
      }
    }
    Path file = root.resolve(String.join("/", segments)).normalize();
    try {
      Path real = file.toRealPath();
      return real.startsWith(root) && Files.isRegularFile(real)
          ? Optional.of(real)
          : Optional.empty();
    } catch (IOException missing) {
      return Optional.empty();
    }
  }
}
