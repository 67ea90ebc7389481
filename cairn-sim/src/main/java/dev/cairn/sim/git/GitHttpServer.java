package dev.cairn.sim.git;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.resolver.FileResolver;

/**
 * A Git smart-HTTP server on 127.0.0.1 and a free port: JGit's {@link GitServlet} on embedded
 * Jetty, serving bare repositories under one directory, with receive-pack enabled so the {@code
 * git} CLI can push, and optional HTTP basic auth. Start once per test class; close when done.
 */
public final class GitHttpServer implements AutoCloseable {
  private final Path baseDirectory;
  private final Server server;
  private final AtomicInteger requests = new AtomicInteger();
  private final String scheme;

  private GitHttpServer(Path baseDirectory, String expectedAuthorization, SSLContext tls)
      throws Exception {
    this(baseDirectory, expectedAuthorization, tls, false);
  }

  private GitHttpServer(
      Path baseDirectory, String expectedAuthorization, SSLContext tls, boolean needClientAuth)
      throws Exception {
    this.baseDirectory = baseDirectory;
    this.scheme = tls == null ? "http" : "https";
    this.server = new Server();
    ServerConnector connector;
    if (tls == null) {
      connector = new ServerConnector(server);
    } else {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setSslContext(tls);
      ssl.setNeedClientAuth(needClientAuth);
      connector = new ServerConnector(server, ssl);
    }
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    GitServlet git = new GitServlet();
    git.setRepositoryResolver(new FileResolver<>(baseDirectory.toFile(), true));
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(git), "/*");
    context.addFilter(
        new FilterHolder(countingAuthFilter(expectedAuthorization)),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
  }

  /** Starts a server without authentication serving repositories under {@code baseDirectory}. */
  public static GitHttpServer start(Path baseDirectory) {
    return start(baseDirectory, null, null);
  }

  /** Starts a server that demands HTTP basic auth with the given user and password. */
  public static GitHttpServer start(Path baseDirectory, String username, String password) {
    return startExpecting(
        baseDirectory,
        username == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** Starts an HTTPS server presenting {@code tls}'s certificate, without authentication. */
  public static GitHttpServer startTls(Path baseDirectory, SSLContext tls) {
    try {
      Files.createDirectories(baseDirectory);
      return new GitHttpServer(baseDirectory, null, tls);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Git HTTPS server: " + e.getMessage(), e);
    }
  }

  /**
   * Starts an HTTPS server that refuses every client without a certificate trusted by {@code tls}
   * (mutual TLS), presenting {@code tls}'s own certificate.
   */
  public static GitHttpServer startMutualTls(Path baseDirectory, SSLContext tls) {
    try {
      Files.createDirectories(baseDirectory);
      return new GitHttpServer(baseDirectory, null, tls, true);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Git HTTPS server: " + e.getMessage(), e);
    }
  }

  /** Starts a server that demands {@code Authorization: Bearer <token>}. */
  public static GitHttpServer startWithBearer(Path baseDirectory, String token) {
    return startExpecting(baseDirectory, "Bearer " + token);
  }

  private static GitHttpServer startExpecting(Path baseDirectory, String authorization) {
    try {
      Files.createDirectories(baseDirectory);
      return new GitHttpServer(baseDirectory, authorization, null);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Git HTTP server: " + e.getMessage(), e);
    }
  }

  /** Creates an empty bare repository {@code <name>.git} and returns its clone URL. */
  public String createRepository(String name) {
    Path directory = baseDirectory.resolve(name + ".git");
    try (Repository repository =
        new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().build()) {
      repository.create(true);
      StoredConfig config = repository.getConfig();
      config.setBoolean("http", null, "receivepack", true);
      config.setBoolean("uploadpack", null, "allowReachableSHA1InWant", true);
      config.save();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create repository " + directory, e);
    }
    return url(name);
  }

  /** The clone URL of repository {@code name}. */
  public String url(String name) {
    return scheme + "://127.0.0.1:" + port() + "/" + name + ".git";
  }

  /** The bare repository directory behind {@code name}. */
  public Path repositoryDirectory(String name) {
    return baseDirectory.resolve(name + ".git");
  }

  public int port() {
    ServerConnector connector = (ServerConnector) server.getConnectors()[0];
    return connector.isStarted() ? connector.getLocalPort() : connector.getPort();
  }

  /**
   * Stops listening, as a Git server that went away: connections to {@link #port()} are refused
   * until {@link #resumeServing()}. The repositories stay.
   */
  public synchronized void stopServing() {
    ServerConnector connector = (ServerConnector) server.getConnectors()[0];
    if (!connector.isStarted()) {
      return;
    }
    connector.setPort(connector.getLocalPort());
    try {
      connector.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the Git HTTP connector", e);
    }
  }

  /** Listens again on the same port after {@link #stopServing()}. */
  public synchronized void resumeServing() {
    ServerConnector connector = (ServerConnector) server.getConnectors()[0];
    if (connector.isStarted()) {
      return;
    }
    try {
      connector.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot listen again on port " + connector.getPort(), e);
    }
  }

  /** How many HTTP requests reached the server so far. */
  public int requestCount() {
    return requests.get();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop Git HTTP server", e);
    }
  }

  private Filter countingAuthFilter(String expected) {
    return (request, response, chain) -> {
      requests.incrementAndGet();
      HttpServletRequest http = (HttpServletRequest) request;
      if (expected != null && !expected.equals(http.getHeader("Authorization"))) {
        HttpServletResponse reply = (HttpServletResponse) response;
        reply.setHeader("WWW-Authenticate", "Basic realm=\"cairn-test\"");
        reply.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
      chain.doFilter(request, response);
    };
  }
}
