package dev.cairn.source;

/**
 * How one source's HTTPS connections authenticate, as Flux reads it from a Secret: {@code ca.crt}
 * to trust instead of the JDK's defaults, and {@code tls.crt} + {@code tls.key} to present as a
 * client certificate (mutual TLS). {@link #toString()} never shows the key.
 *
 * @param caCertificate PEM certificate(s) to trust, or null for the JDK's trust store
 * @param clientCertificate PEM client certificate (chain), or null
 * @param clientKey PEM private key of {@code clientCertificate} (PKCS#8, PKCS#1 RSA or SEC1 EC), or
 *     null
 */
public record TlsSettings(String caCertificate, String clientCertificate, String clientKey) {
  public TlsSettings {
    caCertificate = blankToNull(caCertificate);
    clientCertificate = blankToNull(clientCertificate);
    clientKey = blankToNull(clientKey);
  }

  /** The JDK's trust store, no client certificate. */
  public static TlsSettings none() {
    return new TlsSettings(null, null, null);
  }

  /** Trust exactly {@code caPem}, no client certificate. */
  public static TlsSettings trusting(String caPem) {
    return new TlsSettings(caPem, null, null);
  }

  /** These settings, presenting the given client certificate and key. */
  public TlsSettings withClientCertificate(String certificatePem, String keyPem) {
    return new TlsSettings(caCertificate, certificatePem, keyPem);
  }

  public boolean hasCustomTrust() {
    return caCertificate != null;
  }

  /** True when a client certificate or key is given (both are then required). */
  public boolean hasClientCertificate() {
    return clientCertificate != null || clientKey != null;
  }

  /** True when nothing differs from the JDK's defaults. */
  public boolean isDefault() {
    return !hasCustomTrust() && !hasClientCertificate();
  }

  @Override
  public String toString() {
    return "TlsSettings[ca="
        + (caCertificate == null ? "default" : "set")
        + ", clientCertificate="
        + (clientCertificate == null ? "none" : "set")
        + ", clientKey="
        + (clientKey == null ? "none" : "***")
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
