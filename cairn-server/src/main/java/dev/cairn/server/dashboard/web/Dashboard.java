package dev.cairn.server.dashboard.web;

import dev.cairn.server.dashboard.fleet.FleetActions;
import dev.cairn.server.dashboard.fleet.FleetCache;
import dev.cairn.server.dashboard.fleet.GitDiff;
import dev.cairn.server.dashboard.fleet.InventoryTrees;
import dev.cairn.server.dashboard.fleet.KindAdapters;
import dev.cairn.server.dashboard.fleet.KustomizationGitDiff;
import dev.cairn.server.dashboard.fleet.ObjectEvents;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard: overview, object list, object pages, dependency graph, actions, live updates.
 * Reads the cluster through informers (one per kind of {@link KindAdapters}); serves HTML with
 * Vert.x core.
 */
public final class Dashboard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

  private final Vertx vertx;
  private final HttpServer server;
  private final FleetCache cache;
  private final LiveUpdates live;
  private final InetSocketAddress address;

  private Dashboard(
      Vertx vertx,
      HttpServer server,
      FleetCache cache,
      LiveUpdates live,
      InetSocketAddress address) {
    this.vertx = vertx;
    this.server = server;
    this.cache = cache;
    this.live = live;
    this.address = address;
  }

  /** Starts the dashboard over {@code client}'s cluster. */
  public static Dashboard start(KubernetesClient client, DashboardSettings settings) {
    KindAdapters adapters = KindAdapters.defaults();
    FleetCache cache = FleetCache.start(client, adapters, 10);
    Optional<GitDiff> diff =
        Optional.ofNullable(settings.artifactStore())
            .map(store -> new KustomizationGitDiff(client, cache, store));
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(4));
    try {
      LiveUpdates live = new LiveUpdates(vertx);
      cache.onChange(live::changed);
      CsrfTokens tokens = new CsrfTokens();
      PageHandler pages =
          new PageHandler(
              cache,
              new InventoryTrees(client, cache),
              new ObjectEvents(client),
              settings.access(),
              tokens,
              diff);
      ActionHandler actions =
          new ActionHandler(
              cache,
              new FleetActions(client, adapters, Clock.systemUTC()),
              settings.access(),
              tokens);
      RequestDispatcher dispatcher =
          new RequestDispatcher(vertx, settings, tokens, pages, actions, live, new StaticAssets());
      HttpServer server =
          vertx
              .createHttpServer(
                  new HttpServerOptions()
                      .setHost(settings.bind().getHostString())
                      .setPort(settings.bind().getPort()))
              .requestHandler(dispatcher::dispatch);
      server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      InetSocketAddress bound =
          new InetSocketAddress(settings.bind().getHostString(), server.actualPort());
      LOG.info("dashboard on http://{}:{}/", bound.getHostString(), bound.getPort());
      return new Dashboard(vertx, server, cache, live, bound);
    } catch (Exception e) {
      cache.close();
      vertx.close();
      throw new IllegalStateException(
          "cannot serve the dashboard on "
              + settings.bind().getHostString()
              + ":"
              + settings.bind().getPort()
              + ": "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
          e);
    }
  }

  public InetSocketAddress address() {
    return address;
  }

  /** The URL to open, e.g. {@code http://127.0.0.1:8081/}. */
  public URI url() {
    String host = address.getHostString();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    }
    return URI.create(
        "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
  }

  /** Open event streams (for tests and metrics). */
  public int liveStreams() {
    return live.openStreams();
  }

  @Override
  public void close() {
    live.close();
    try {
      server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("dashboard: closing the server: {}", e.toString());
    }
    vertx.close();
    cache.close();
  }
}
