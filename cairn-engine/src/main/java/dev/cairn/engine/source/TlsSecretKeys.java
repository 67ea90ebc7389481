package dev.cairn.engine.source;

import dev.cairn.source.TlsSettings;
import java.util.Map;

/**
 * Reads TLS settings from a Secret's values with Flux's keys: {@code ca.crt}, {@code tls.crt} and
 * {@code tls.key} (a {@code kubernetes.io/tls} Secret works as is), falling back to the deprecated
 * {@code caFile}, {@code certFile} and {@code keyFile} when the newer key is absent.
 */
public final class TlsSecretKeys {
  private TlsSecretKeys() {}

  public static TlsSettings from(Map<String, String> data) {
    return new TlsSettings(
        first(data, "ca.crt", "caFile"),
        first(data, "tls.crt", "certFile"),
        first(data, "tls.key", "keyFile"));
  }

  /** True when the values hold any TLS key, new or deprecated. */
  public static boolean present(Map<String, String> data) {
    return !from(data).isDefault();
  }

  private static String first(Map<String, String> data, String key, String deprecated) {
    String value = data.get(key);
    return value != null && !value.isBlank() ? value : data.get(deprecated);
  }
}
