package dev.cairn.server.dashboard.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Vert.x requests into {@link WebRequest}s, runs the handlers on worker threads (they read
 * the cluster), and writes every answer with the security headers: a strict Content-Security-Policy
 * (scripts, styles and connections from this origin only; no inline code), no framing, no sniffing,
 * no caching of pages.
 */
final class RequestDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Vertx vertx;
  private final DashboardSettings settings;
  private final CsrfTokens tokens;
  private final PageHandler pages;
  private final ActionHandler actions;
  private final LiveUpdates live;
  private final StaticAssets assets;

  RequestDispatcher(
      Vertx vertx,
      DashboardSettings settings,
      CsrfTokens tokens,
      PageHandler pages,
      ActionHandler actions,
      LiveUpdates live,
      StaticAssets assets) {
    this.vertx = vertx;
    this.settings = settings;
    this.tokens = tokens;
    this.pages = pages;
    this.actions = actions;
    this.live = live;
    this.assets = assets;
  }

  void dispatch(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    secure(response);
    String path = request.path();
    if (path.startsWith("/static/") && request.method() == HttpMethod.GET) {
      assets
          .find(path.substring("/static/".length()))
          .ifPresentOrElse(
              asset ->
                  response
                      .putHeader("Content-Type", asset.contentType())
                      .putHeader("Cache-Control", "max-age=300")
                      .end(io.vertx.core.buffer.Buffer.buffer(asset.body())),
              () -> response.setStatusCode(404).end());
      return;
    }
    WebRequest web = toWebRequest(request);
    Optional<String> user = settings.access().user(credentials(request));
    if (path.equals("/events") && request.method() == HttpMethod.GET) {
      if (user.isEmpty()) {
        response.setStatusCode(401).end();
      } else {
        live.open(response);
      }
      return;
    }
    request.pause();
    vertx
        .executeBlocking(() -> handle(web, user, request.method()), false)
        .onComplete(
            result -> {
              WebResponse answer =
                  result.succeeded() ? result.result() : failed(web, result.cause());
              write(request, web, answer);
            });
  }

  private WebResponse handle(WebRequest web, Optional<String> user, HttpMethod method) {
    if (user.isEmpty()) {
      return WebResponse.error(401, "log in with a Kubernetes bearer token");
    }
    String session = web.session().orElse("");
    if (method == HttpMethod.GET) {
      return pages.handle(web, user.get(), session);
    }
    if (method == HttpMethod.POST) {
      return actions.handle(web, user.get());
    }
    return WebResponse.error(405, "method not allowed");
  }

  private static WebResponse failed(WebRequest web, Throwable cause) {
    LOG.warn("dashboard: {} {} failed: {}", web.method(), web.path(), cause.toString());
    return WebResponse.error(500, "the dashboard could not answer: " + cause.getMessage());
  }

  private void write(HttpServerRequest request, WebRequest web, WebResponse answer) {
    request
        .response()
        .setStatusCode(answer.status())
        .putHeader("Content-Type", answer.contentType())
        .putHeader("Cache-Control", "no-store")
        .end(answer.body());
  }

  private WebRequest toWebRequest(HttpServerRequest request) {
    Map<String, String> headers = new HashMap<>();
    request
        .headers()
        .forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    Map<String, String> query = new HashMap<>();
    request.params().forEach(p -> query.putIfAbsent(p.getKey(), p.getValue()));
    List<String> segments = new ArrayList<>();
    for (String segment : request.path().split("/")) {
      if (!segment.isEmpty()) {
        segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
      }
    }
    Cookie cookie = request.getCookie(CsrfTokens.COOKIE);
    Optional<String> session = Optional.ofNullable(cookie).map(Cookie::getValue);
    if (session.isEmpty()) {
      String fresh = tokens.newSession();
      request.response().addCookie(sessionCookie(fresh));
      // the page rendered for this request carries the token of the session it just got
      session = Optional.of(fresh);
    }
    return new WebRequest(
        request.method().name(), request.path(), segments, query, headers, session);
  }

  private Cookie sessionCookie(String value) {
    return Cookie.cookie(CsrfTokens.COOKIE, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSecure(settings.secureCookies())
        .setSameSite(CookieSameSite.STRICT);
  }

  private static Access.Credentials credentials(HttpServerRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Access.Credentials(Optional.of(authorization.substring(7).strip()));
    }
    Cookie login = request.getCookie(LOGIN_COOKIE);
    return new Access.Credentials(Optional.ofNullable(login).map(Cookie::getValue));
  }

  static final String LOGIN_COOKIE = "cairn-login";

  private static void secure(HttpServerResponse response) {
    response
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer");
  }
}
