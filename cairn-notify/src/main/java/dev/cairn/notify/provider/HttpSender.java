package dev.cairn.notify.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The HTTP client of one Provider: its proxy, its CA ({@code certSecretRef}) and its timeout per
 * request. Failures become {@link NotifyException}s that name the provider and the HTTP status,
 * never the address (webhook URLs carry secrets) nor a header.
 */
public final class HttpSender {
  static final ObjectMapper JSON = new ObjectMapper();

  private final ProviderSettings settings;
  private HttpClient client;

  /** Checks nothing and opens nothing: the client is built on the first call. */
  public HttpSender(ProviderSettings settings) {
    this.settings = settings;
  }

  private synchronized HttpClient client() throws NotifyException {
    if (client != null) {
      return client;
    }
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL);
    if (settings.proxy() != null && !settings.proxy().isEmpty()) {
      URI proxy = uri(settings.proxy(), "proxy");
      int port = proxy.getPort() > 0 ? proxy.getPort() : 80;
      builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), port)));
    }
    if (settings.caCertificate() != null) {
      builder.sslContext(trusting(settings.caCertificate()));
    }
    client = builder.build();
    return client;
  }

  /** Checks the proxy address and the CA certificate without connecting anywhere. */
  public void validate() throws NotifyException {
    if (settings.proxy() != null && !settings.proxy().isEmpty()) {
      uri(settings.proxy(), "proxy");
    }
    if (settings.caCertificate() != null) {
      trusting(settings.caCertificate());
    }
  }

  /** The answer of a call: status code and body text. */
  public record Response(int status, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** A URI of the settings, refused without echoing it (it may carry a secret). */
  public URI uri(String text, String what) throws NotifyException {
    try {
      URI uri = URI.create(text);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new NotifyException(describe() + ": the " + what + " is not a valid URL", false);
    }
  }

  /** POSTs {@code body} as JSON; fails unless the answer is 2xx. */
  public Response postJson(URI uri, Object body, Map<String, String> headers)
      throws NotifyException {
    byte[] bytes = json(body);
    return send("POST", uri, bytes, headers);
  }

  /** Sends a request; fails unless the answer is 2xx. */
  public Response send(String method, URI uri, byte[] body, Map<String, String> headers)
      throws NotifyException {
    Response response = call(method, uri, body, headers);
    if (!response.ok()) {
      boolean retryable = response.status() >= 500 || response.status() == 429;
      throw new NotifyException(
          describe() + ": " + method + " answered HTTP " + response.status(), retryable);
    }
    return response;
  }

  /** Sends a request and returns whatever status came back. */
  public Response call(String method, URI uri, byte[] body, Map<String, String> headers)
      throws NotifyException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::setHeader);
    try {
      HttpResponse<String> response =
          client()
              .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new NotifyException(
          describe() + ": " + method + " failed: " + e.getClass().getSimpleName(), true);
    } catch (IllegalArgumentException e) {
      throw new NotifyException(describe() + ": a header is not valid", false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotifyException(describe() + ": interrupted", true);
    }
  }

  /** Reads a JSON answer; a body that is not JSON fails. */
  public JsonNode readJson(Response response) throws NotifyException {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new NotifyException(describe() + ": the answer is not JSON", true);
    }
  }

  static byte[] json(Object body) throws NotifyException {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new NotifyException("cannot write the payload: " + e.getMessage(), false);
    }
  }

  /** {@code <type> provider <namespace>/<name>}. */
  public String describe() {
    return settings.type() + " provider " + settings.id();
  }

  private SSLContext trusting(String pem) throws NotifyException {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate cert :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)))) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      if (i == 0) {
        throw new GeneralSecurityException("no certificate");
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new NotifyException(
          describe() + ": the CA certificate of certSecretRef is not valid PEM", false);
    }
  }
}
