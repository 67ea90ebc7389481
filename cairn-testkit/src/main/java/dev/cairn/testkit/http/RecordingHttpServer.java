package dev.cairn.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A stand-in for a chat service, a webhook endpoint or a Git host's API: the JDK's HTTP server on
 * 127.0.0.1, recording every request (method, path with query, headers, body) and answering with
 * what {@link #answer} says (by default 200 with {@code []} for GET and {@code {}} otherwise).
 * {@link #hang} makes matching requests wait for an answer that never comes (until {@link
 * #close()}).
 */
public final class RecordingHttpServer implements AutoCloseable {

  /** One request as received; header names lower case. */
  public record Request(String method, String path, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** An answer: status and JSON (or text) body. */
  public record Reply(int status, String body) {}

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(RecordingHttpServer::daemon);
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Function<Request, Reply> answer = RecordingHttpServer::defaultReply;
  private volatile Predicate<Request> hang = r -> false;

  private RecordingHttpServer(HttpServer server) {
    this.server = server;
  }

  public static RecordingHttpServer start() {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      RecordingHttpServer recorder = new RecordingHttpServer(http);
      http.setExecutor(recorder.executor);
      http.createContext("/", recorder::handle);
      http.start();
      return recorder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** How to answer from now on. */
  public RecordingHttpServer answer(Function<Request, Reply> value) {
    this.answer = value;
    return this;
  }

  /** Requests matching {@code which} are recorded but never answered. */
  public RecordingHttpServer hang(Predicate<Request> which) {
    this.hang = which;
    return this;
  }

  /** Every request so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request =
          new Request(
              exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
      requests.add(request);
      if (hang.test(request)) {
        closing.await();
        return;
      }
      Reply reply = answer.apply(request);
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Reply defaultReply(Request request) {
    return new Reply(200, "GET".equals(request.method()) ? "[]" : "{}");
  }

  private static Thread daemon(Runnable r) {
    Thread thread = new Thread(r, "recording-http");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
