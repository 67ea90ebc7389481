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
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of the simulated API server: Vert.x core's HTTP server (already on the classpath as
 * the fabric8 client's HTTP transport) on 127.0.0.1, a free port, HTTP/1.1 (over TLS when given a
 * {@link ServingTls}); bearer tokens registered with the cluster authenticate as their user.
 * Requests are dispatched on Vert.x worker threads, since the dispatcher takes locks; watches are
 * WebSocket upgrades whose handshake waits until the watch is registered, so an error (a missing
 * CRD, say) is refused with its status code instead of opening a socket.
 */
final class ApiHttpServer implements AutoCloseable {
  private static final int CLOSE_TIMEOUT_SECONDS = 10;

  private final SimulatedApiDispatcher dispatcher;
  private final Map<String, String> tokens;
  private final Vertx vertx;
  private final HttpServer server;

  private ApiHttpServer(
      SimulatedApiDispatcher dispatcher, int port, ServingTls tls, Map<String, String> tokens) {
    this.dispatcher = dispatcher;
    this.tokens = tokens;
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
            .createHttpServer(serverOptions(port, tls))
            .requestHandler(this::handle)
            .webSocketHandler(this::watch);
  }

  /** Starts listening on a free port, plain HTTP; returns once the port is bound. */
  static ApiHttpServer start(SimulatedApiDispatcher dispatcher) {
    return start(dispatcher, 0, null, Map.of());
  }

  /**
   * Starts listening on {@code port} (0: a free one), over HTTPS when {@code tls} is set; returns
   * once the port is bound.
   *
   * @param tokens bearer tokens and the user each authenticates as
   */
  static ApiHttpServer start(
      SimulatedApiDispatcher dispatcher, int port, ServingTls tls, Map<String, String> tokens) {
    ApiHttpServer http = new ApiHttpServer(dispatcher, port, tls, tokens);
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

  private static HttpServerOptions serverOptions(int port, ServingTls tls) {
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port);
    if (tls != null) {
      options
          .setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setCertValue(Buffer.buffer(tls.certificatePem() + "\n" + tls.caPem()))
                  .setKeyValue(Buffer.buffer(tls.privateKeyPem())));
    }
    return options;
  }

  /**
   * Who a request acts as, from its headers: a registered bearer token's user (kube-apiserver's
   * token authentication), else the admin; then its {@code Impersonate-User}. A token that is not
   * registered is 401. A token identity that impersonates is refused: the {@code impersonate} verb
   * is not modelled.
   */
  private Caller caller(
      java.util.function.Function<String, String> header, List<String> impersonatedGroups) {
    String authorization = header.apply("Authorization");
    String impersonated = header.apply("Impersonate-User");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return new Caller(impersonated, impersonatedGroups, null);
    }
    String user = tokens.get(authorization.substring("Bearer ".length()).strip());
    if (user == null) {
      return new Caller(null, List.of(), new ApiException(401, "Unauthorized", "Unauthorized"));
    }
    if (impersonated != null) {
      return new Caller(
          null,
          List.of(),
          new ApiException(
              403,
              "Forbidden",
              "the simulated API server does not model impersonation by " + user));
    }
    return new Caller(user, List.of(), null);
  }

  /** The identity a request is dispatched as, or why it is refused. */
  private record Caller(String user, List<String> groups, ApiException refusal) {
    ApiResponse refused() {
      return ApiResponse.json(refusal.code(), Json.write(refusal.toStatus(null, null)));
    }
  }

  private void handle(HttpServerRequest http) {
    ApiRequest head = ApiRequest.parse(http.method().name(), http.uri(), http::getHeader, null);
    var fault = dispatcher.fault(head, http.getHeader("Impersonate-User"));
    if (fault.isPresent()) {
      http.body().onComplete(body -> later(fault.get(), () -> answer(http, fault.get())));
      return;
    }
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
    Caller caller = caller(http::getHeader, http.headers().getAll("Impersonate-Group"));
    if (caller.refusal() != null) {
      return caller.refused();
    }
    ApiResponse response = dispatcher.dispatch(request, caller.user(), caller.groups());
    if (response.isWatch()) {
      // only WebSocket watches are modelled; a plain GET ?watch=true reaches here
      response.watch().close();
      ApiException notModelled = ApiException.badRequest("watches need a WebSocket upgrade");
      return ApiResponse.json(400, Json.write(notModelled.toStatus(null, null)));
    }
    return response;
  }

  /** Runs {@code then} on the event loop after the fault's delay, without holding a thread. */
  private void later(FaultAnswer fault, Runnable then) {
    if (fault.delay().isZero()) {
      then.run();
    } else {
      vertx.setTimer(Math.max(1, fault.delay().toMillis()), id -> then.run());
    }
  }

  private static void answer(HttpServerRequest http, FaultAnswer fault) {
    if (http.response().closed()) {
      return; // the client gave up waiting
    }
    if (fault.retryAfterSeconds() != null) {
      http.response().putHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
    }
    http.response()
        .setStatusCode(fault.code())
        .putHeader("Content-Type", fault.contentType())
        .end(fault.body());
  }

  private static void respond(HttpServerRequest http, AsyncResult<ApiResponse> done) {
    if (done.failed()) {
      http.response().setStatusCode(500).end(String.valueOf(done.cause()));
      return;
    }
    ApiResponse response = done.result();
    response.headers().forEach(http.response()::putHeader);
    http.response()
        .setStatusCode(response.code())
        .putHeader("Content-Type", response.contentType())
        .end(response.body());
  }

  private void watch(ServerWebSocket socket) {
    Promise<Integer> handshake = Promise.promise();
    Future<Integer> accepted = socket.setHandshake(handshake.future());
    ApiRequest head = ApiRequest.parse("GET", socket.uri(), socket.headers()::get, "");
    var fault = dispatcher.fault(head, socket.headers().get("Impersonate-User"));
    if (fault.isPresent()) {
      // a refused upgrade carries only its status code
      later(fault.get(), () -> handshake.complete(fault.get().code()));
      return;
    }
    vertx
        .executeBlocking(
            () -> {
              Caller caller =
                  caller(socket.headers()::get, socket.headers().getAll("Impersonate-Group"));
              if (caller.refusal() != null) {
                return caller.refused();
              }
              return dispatcher.dispatch(
                  ApiRequest.parse("GET", socket.uri(), socket.headers()::get, ""),
                  caller.user(),
                  caller.groups());
            },
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
