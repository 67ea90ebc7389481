package dev.cairn.notify.provider;

import dev.cairn.notify.NotifyEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code generic} and {@code generic-hmac}: the event as JSON, POSTed to the address with the
 * Secret's headers and {@code gotk-component}; {@code generic-hmac} signs the body with the token
 * ({@code X-Signature: sha256=<hex HMAC-SHA256>}).
 */
final class GenericNotifier implements Notifier {
  static final String COMPONENT_HEADER = "gotk-component";
  static final String SIGNATURE_HEADER = "X-Signature";

  private final HttpSender http;
  private final URI uri;
  private final Map<String, String> headers;
  private final byte[] hmacKey;

  GenericNotifier(ProviderSettings settings, HttpSender http, boolean hmac) throws NotifyException {
    this.http = http;
    this.uri = http.uri(settings.address(), "address");
    this.headers = settings.headers();
    if (hmac && (settings.token() == null || settings.token().isEmpty())) {
      throw new NotifyException(
          http.describe() + ": generic-hmac needs a token in the Secret of secretRef", false);
    }
    this.hmacKey = hmac ? settings.token().getBytes(StandardCharsets.UTF_8) : null;
  }

  @Override
  public void post(NotifyEvent event) throws NotifyException {
    byte[] body = HttpSender.json(EventJson.of(event));
    Map<String, String> all = new LinkedHashMap<>();
    all.put(COMPONENT_HEADER, event.reportingController());
    all.putAll(headers);
    if (hmacKey != null) {
      all.put(SIGNATURE_HEADER, "sha256=" + sign(body, hmacKey));
    }
    http.send("POST", uri, body, all);
  }

  /** Hex HMAC-SHA256 of {@code body}. */
  static String sign(byte[] body, byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
