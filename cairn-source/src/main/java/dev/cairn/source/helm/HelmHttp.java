package dev.cairn.source.helm;

import dev.cairn.source.ClientTls;
import dev.cairn.source.Redactor;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * HTTP GETs for one Helm repository or registry: size-limited bodies, basic credentials sent only
 * to the repository's own scheme, host and port (like Flux without {@code passCredentials}), and
 * certificate checks skipped only when {@code insecure} is set. Public for the OCIRepository
 * fetcher ({@code dev.cairn.source.oci}), which speaks the same registry API.
 */
public final class HelmHttp {
  private final HttpClient client;
  private final URI origin;
  private final HelmCredentials credentials;
  private final Duration timeout;
  private final Redactor redactor;
  private final ClientTls tls;
  private volatile String bearerToken;
  private volatile String lastChallenge;

  public HelmHttp(
      URI origin, HelmCredentials credentials, boolean insecure, TlsSettings tls, Duration timeout)
      throws SourceException {
    this.origin = origin;
    this.credentials = credentials;
    this.timeout = timeout;
    this.redactor = Redactor.of(credentials.password());
    HttpClient.Builder builder =
        HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
    this.tls = ClientTls.of(tls, insecure);
    this.client = builder.sslContext(this.tls.sslContext()).build();
  }

  /** The body of a GET, refusing more than {@code maxBytes}. */
  byte[] get(URI uri, long maxBytes, SourceReason failure, String what) throws SourceException {
    return get(uri, Map.of(), maxBytes, failure, what).body();
  }

  /** A GET with extra headers; returns the body and the response headers. */
  public Response get(
      URI uri, Map<String, String> headers, long maxBytes, SourceReason failure, String what)
      throws SourceException {
    return send(uri, headers, maxBytes, failure, what, false);
  }

  /**
   * A GET that sends the basic credentials whatever the host (not on redirects): for a registry's
   * token endpoint, which the registry itself names in its challenge, and for chart URLs of a
   * repository with {@code passCredentials}.
   */
  Response getWithCredentials(URI uri, long maxBytes, SourceReason failure, String what)
      throws SourceException {
    return send(uri, Map.of(), maxBytes, failure, what, true);
  }

  /** From now on, send {@code Authorization: Bearer <token>} to the origin instead of basic. */
  void useBearerToken(String token) {
    this.bearerToken = token;
  }

  /** The {@code WWW-Authenticate} header of the last 401 answer, or null. */
  String lastChallenge() {
    return lastChallenge;
  }

  private Response send(
      URI uri,
      Map<String, String> headers,
      long maxBytes,
      SourceReason failure,
      String what,
      boolean credentialsAnywhere)
      throws SourceException {
    HttpResponse<InputStream> response = exchange(uri, headers, credentialsAnywhere, failure, what);
    for (int hops = 0; isRedirect(response.statusCode()); hops++) {
      URI next = redirectTarget(uri, response, hops, failure, what);
      closeQuietly(response);
      uri = next;
      credentialsAnywhere = false;
      response = exchange(uri, headers, false, failure, what);
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status == 401 || status == 403) {
        lastChallenge = response.headers().firstValue("WWW-Authenticate").orElse(null);
        throw new SourceException(
            SourceReason.AUTHENTICATION_FAILED,
            "cannot "
                + what
                + " from "
                + uri
                + ": HTTP "
                + status
                + (credentials.present() ? " (credentials refused)" : " (credentials required)"));
      }
      if (status / 100 != 2) {
        throw new SourceException(failure, "cannot " + what + " from " + uri + ": HTTP " + status);
      }
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new SourceException(
            failure, "cannot " + what + " from " + uri + ": larger than " + maxBytes + " bytes");
      }
      return new Response(bytes, response.headers().map());
    } catch (IOException e) {
      throw ioFailure(uri, failure, what, e);
    }
  }

  /** One request; credentials only go where {@link #sameOrigin} (or the caller) allows. */
  private HttpResponse<InputStream> exchange(
      URI uri,
      Map<String, String> headers,
      boolean credentialsAnywhere,
      SourceReason failure,
      String what)
      throws SourceException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    headers.forEach(request::header);
    if (bearerToken != null && sameOrigin(uri) && !credentialsAnywhere) {
      request.header("Authorization", "Bearer " + bearerToken);
    } else if (credentials.present() && (credentialsAnywhere || sameOrigin(uri))) {
      String token = credentials.username() + ":" + credentials.password();
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw ioFailure(uri, failure, what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(failure, "interrupted while trying to " + what + " from " + uri);
    }
  }

  /** An I/O failure, scrubbed of credentials, told as a TLS refusal when that explains it. */
  private SourceException ioFailure(URI uri, SourceReason failure, String what, IOException e) {
    return tls.explain(
        new SourceException(
            failure,
            "cannot " + what + " from " + uri + ": " + redactor.redact(String.valueOf(e)),
            redactor.redact(e)),
        failure);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /**
   * Redirects are followed by hand (at most 5, never from https to http) so that credentials are
   * re-checked against each new origin instead of being forwarded.
   */
  private static URI redirectTarget(
      URI from, HttpResponse<InputStream> response, int hops, SourceReason failure, String what)
      throws SourceException {
    String location = response.headers().firstValue("Location").orElse(null);
    if (hops >= 5 || location == null) {
      closeQuietly(response);
      throw new SourceException(
          failure, "cannot " + what + " from " + from + ": too many or empty redirects");
    }
    URI next = from.resolve(location);
    if ("https".equals(from.getScheme()) && !"https".equals(next.getScheme())) {
      closeQuietly(response);
      throw new SourceException(
          failure, "cannot " + what + " from " + from + ": refusing a redirect from https to http");
    }
    return next;
  }

  private static void closeQuietly(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // the body of a redirect is not needed
    }
  }

  private boolean sameOrigin(URI uri) {
    return Objects.equals(uri.getScheme(), origin.getScheme())
        && Objects.equals(uri.getHost(), origin.getHost())
        && port(uri) == port(origin);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }

  /** A response body and its headers. */
  public record Response(byte[] body, Map<String, java.util.List<String>> headers) {}
}
