package dev.cairn.testkit.helm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A Helm chart repository on 127.0.0.1: serves packaged charts and an index.yaml it writes itself
 * (with sha256 digests) over plain HTTP (optionally behind basic auth) or HTTPS with a {@link
 * SelfSignedCertificate}. Counts requests per path.
 */
public final class HelmRepoServer implements AutoCloseable {
  private record Entry(String name, String version, String file, String digest) {}

  private final Path directory;
  private final SSLContext tls;
  private final boolean needClientAuth;
  private HttpServer server;
  private final int port;
  private boolean serving = true;
  private final String expectedAuthorization;
  private final String scheme;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final AtomicInteger withAuthorization = new AtomicInteger();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();

  private HelmRepoServer(Path directory, String expectedAuthorization, SSLContext tls)
      throws IOException {
    this(directory, expectedAuthorization, tls, false);
  }

  private HelmRepoServer(
      Path directory, String expectedAuthorization, SSLContext tls, boolean needClientAuth)
      throws IOException {
    this.directory = directory;
    this.expectedAuthorization = expectedAuthorization;
    Files.createDirectories(directory.resolve("charts"));
    this.tls = tls;
    this.needClientAuth = needClientAuth;
    this.scheme = tls == null ? "http" : "https";
    this.server = listen(0);
    this.port = server.getAddress().getPort();
    writeIndex();
  }

  public static HelmRepoServer start(Path directory) {
    return start(directory, null, null);
  }

  public static HelmRepoServer start(Path directory, String username, String password) {
    String expected =
        username == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    try {
      return new HelmRepoServer(directory, expected, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Helm repository server", e);
    }
  }

  /** Starts an HTTPS server presenting the given certificate, without authentication. */
  public static HelmRepoServer startTls(Path directory, SelfSignedCertificate certificate) {
    try {
      return new HelmRepoServer(directory, null, certificate.serverContext());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Helm repository server", e);
    }
  }

  /**
   * Starts an HTTPS server that refuses every client without a certificate trusted by {@code tls}
   * (mutual TLS), presenting {@code tls}'s own certificate.
   */
  public static HelmRepoServer startMutualTls(Path directory, SSLContext tls) {
    try {
      return new HelmRepoServer(directory, null, tls, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Helm repository server", e);
    }
  }

  private HttpServer listen(int port) throws IOException {
    HttpServer listening;
    if (tls == null) {
      listening = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } else {
      HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      https.setHttpsConfigurator(
          new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
              SSLParameters ssl = tls.getDefaultSSLParameters();
              ssl.setNeedClientAuth(needClientAuth);
              parameters.setSSLParameters(ssl);
            }
          });
      listening = https;
    }
    listening.createContext("/", this::handle);
    listening.start();
    return listening;
  }

  /** The repository URL, with a trailing slash. */
  public String url() {
    return scheme + "://127.0.0.1:" + port + "/";
  }

  /**
   * Stops listening, as a repository server that went away: connections to its port are refused
   * until {@link #resumeServing()}. The charts stay, and {@link #addChart} still publishes.
   */
  public synchronized void stopServing() {
    if (serving) {
      server.stop(0);
      serving = false;
    }
  }

  /** Listens again on the same port (and URL) after {@link #stopServing()}. */
  public synchronized void resumeServing() {
    if (serving) {
      return;
    }
    try {
      server = listen(port);
      serving = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen again on port " + port, e);
    }
  }

  /** Publishes a packaged chart and rewrites index.yaml with its true digest. */
  public synchronized void addChart(String name, String version, Path packaged) {
    addChart(name, version, packaged, null);
  }

  /** Publishes a chart, listing {@code digestHex} in the index instead of its true digest. */
  public synchronized void addChart(String name, String version, Path packaged, String digestHex) {
    try {
      String file = "charts/" + name + "-" + version + ".tgz";
      Files.copy(
          packaged, directory.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      String digest = digestHex != null ? digestHex : sha256(Files.readAllBytes(packaged));
      entries.removeIf(e -> e.name().equals(name) && e.version().equals(version));
      entries.add(new Entry(name, version, file, digest));
      writeIndex();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish chart " + name, e);
    }
  }

  /** Lists a chart whose package lives elsewhere (an absolute URL), with the given digest. */
  public synchronized void addExternalChart(
      String name, String version, String absoluteUrl, String digestHex) {
    entries.removeIf(e -> e.name().equals(name) && e.version().equals(version));
    entries.add(new Entry(name, version, absoluteUrl, digestHex));
    try {
      writeIndex();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write index", e);
    }
  }

  /** The true sha256 (hex) of a file, as this server would list it. */
  public static String digestOf(Path file) {
    try {
      return sha256(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code path} with {@code 302 Found} to {@code location} (after the auth check). */
  public void redirect(String path, String location) {
    redirects.put(path, location);
  }

  /** How many requests carried an {@code Authorization} header. */
  public int requestsWithAuthorization() {
    return withAuthorization.get();
  }

  /** How many requests asked for {@code path} (e.g. {@code /index.yaml}). */
  public int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  @Override
  public synchronized void close() {
    if (serving) {
      server.stop(0);
      serving = false;
    }
  }

  private void writeIndex() throws IOException {
    Map<String, List<Entry>> byName = new TreeMap<>();
    for (Entry e : entries) {
      byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
    }
    StringBuilder yaml =
        new StringBuilder("apiVersion: v1\nentries:" + (byName.isEmpty() ? " {}\n" : "\n"));
    for (Map.Entry<String, List<Entry>> chart : byName.entrySet()) {
      yaml.append("  ").append(chart.getKey()).append(":\n");
      for (Entry e : chart.getValue()) {
        yaml.append("  - apiVersion: v2\n")
            .append("    name: ")
            .append(e.name())
            .append('\n')
            .append("    version: ")
            .append(e.version())
            .append('\n')
            .append("    digest: ")
            .append(e.digest())
            .append('\n')
            .append("    urls:\n    - ")
            .append(e.file())
            .append('\n');
      }
    }
    Path temp = Files.createTempFile(directory, ".index", ".tmp");
    Files.writeString(temp, yaml, StandardCharsets.UTF_8);
    Files.move(
        temp,
        directory.resolve("index.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      if (exchange.getRequestHeaders().containsKey("Authorization")) {
        withAuthorization.incrementAndGet();
      }
      if (expectedAuthorization != null
          && !expectedAuthorization.equals(
              exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"helm\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      if (redirects.containsKey(path)) {
        exchange.getResponseHeaders().add("Location", redirects.get(path));
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      Path file = directory.resolve(path.replaceFirst("^/+", "")).normalize();
      if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(file);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
