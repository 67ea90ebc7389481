package dev.cairn.sim.cluster;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of the simulated API server: Vert.x core's HTTP server (already on the classpath as
 * the fabric8 client's HTTP transport) on 127.0.0.1, a free port, plain HTTP/1.1. Requests are
 * dispatched on Vert.x worker threads, since the dispatcher takes locks; watches are WebSocket
 * upgrades whose handshake waits until the watch is registered, so an error (a missing CRD, say) is
 * refused with its status code instead of opening a socket.
 */
final class ApiHttpServer implements AutoCloseable {
  private static final int CLOSE_TIMEOUT_SECONDS = 10;

  private final SimulatedApiDispatcher dispatcher;
  private final Vertx vertx;
  private final HttpServer server;

  private ApiHttpServer(SimulatedApiDispatcher dispatcher, int port) {
    this.dispatcher = dispatcher;
    this.vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(2)
                .setFileSystemOptions(
                    new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    this.server =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
            .requestHandler(this::handle)
            .webSocketHandler(this::watch);
  }

  /** Starts listening on a free port; returns once the port is bound. */
  static ApiHttpServer start(SimulatedApiDispatcher dispatcher) {
    return start(dispatcher, 0);
  }

  /** Starts listening on {@code port} (0: a free one); returns once the port is bound. */
  static ApiHttpServer start(SimulatedApiDispatcher dispatcher, int port) {
    ApiHttpServer http = new ApiHttpServer(dispatcher, port);
    try {
      http.server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      http.close();
      throw new IllegalStateException("the simulated API server cannot listen on 127.0.0.1", e);
    }
    return http;
  }

  int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest http) {
    http.body()
        .onFailure(e -> http.response().setStatusCode(400).end())
        .onSuccess(
            body ->
                vertx
                    .executeBlocking(() -> dispatch(http, body), false)
                    .onComplete(done -> respond(http, done)));
  }

  private ApiResponse dispatch(HttpServerRequest http, Buffer body) {
    ApiRequest request =
        ApiRequest.parse(
            http.method().name(),
            http.uri(),
            http::getHeader,
            body.toString(StandardCharsets.UTF_8));
    ApiResponse response =
        dispatcher.dispatch(
            request,
            http.getHeader("Impersonate-User"),
            http.headers().getAll("Impersonate-Group"));
    if (response.isWatch()) {
      // only WebSocket watches are modelled; a plain GET ?watch=true reaches here
      response.watch().close();
      ApiException notModelled = ApiException.badRequest("watches need a WebSocket upgrade");
      return ApiResponse.json(400, Json.write(notModelled.toStatus(null, null)));
    }
    return response;
  }

  private static void respond(HttpServerRequest http, AsyncResult<ApiResponse> done) {
    if (done.failed()) {
      http.response().setStatusCode(500).end(String.valueOf(done.cause()));
      return;
    }
    ApiResponse response = done.result();
    http.response()
        .setStatusCode(response.code())
        .putHeader("Content-Type", response.contentType())
        .end(response.body());
  }

  private void watch(ServerWebSocket socket) {
    Promise<Integer> handshake = Promise.promise();
    Future<Integer> accepted = socket.setHandshake(handshake.future());
    vertx
        .executeBlocking(
            () ->
                dispatcher.dispatch(
                    ApiRequest.parse("GET", socket.uri(), socket.headers()::get, ""),
                    socket.headers().get("Impersonate-User"),
                    socket.headers().getAll("Impersonate-Group")),
            false)
        .onComplete(done -> open(socket, handshake, accepted, done));
  }

  /** Accepts the upgrade for an open watch; refuses it with the status code of anything else. */
  private static void open(
      ServerWebSocket socket,
      Promise<Integer> handshake,
      Future<Integer> accepted,
      AsyncResult<ApiResponse> done) {
    if (done.failed() || !done.result().isWatch()) {
      handshake.complete(done.failed() ? 500 : done.result().code());
      return;
    }
    WatchHub.Watch watch = done.result().watch();
    socket.closeHandler(v -> watch.close());
    socket.exceptionHandler(e -> watch.close());
    accepted.onComplete(
        upgrade -> {
          if (upgrade.succeeded() && upgrade.result() == 101) {
            watch.attach(socket::writeTextMessage, socket::close);
          } else {
            watch.close();
          }
        });
    handshake.complete(101);
  }

  @Override
  public void close() {
    try {
      vertx
          .close()
          .toCompletionStage()
          .toCompletableFuture()
          .get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // closing is best effort: the JVM may be on its way out
    }
  }
}
