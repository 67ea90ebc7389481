package dev.cairn.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The TLS side of one fetch, built from {@link TlsSettings}: trust in exactly the given CA (host
 * names are still checked) or, with {@code insecure}, in everyone; a client certificate for mutual
 * TLS; and, after a failure, whether the server asked for a client certificate that could not be
 * given. Errors say which part of the Secret is wrong and never carry key material. Make one per
 * fetch: {@link #unansweredCertificateRequest()} describes the connections made with it.
 */
public final class ClientTls {
  private static final char[] IN_MEMORY_PASSWORD = new char[0];

  private final ClientCertificateRequests keyManager;
  private final TrustManager[] trustManagers;

  private ClientTls(ClientCertificateRequests keyManager, TrustManager[] trustManagers) {
    this.keyManager = keyManager;
    this.trustManagers = trustManagers;
  }

  /** The TLS side of a fetch with {@code settings}, trusting every server when {@code insecure}. */
  public static ClientTls of(TlsSettings settings, boolean insecure) throws SourceException {
    ClientKey key = clientKey(settings);
    return new ClientTls(
        key == null
            ? new ClientCertificateRequests(null, null)
            : new ClientCertificateRequests(
                (X509ExtendedKeyManager) key.managers()[0], key.certificate()),
        insecure ? new TrustManager[] {TrustingEveryone.INSTANCE} : trustManagers(settings));
  }

  /** An SSL context for an HTTP client. */
  public SSLContext sslContext() throws SourceException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(), trustManagers, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new SourceException(
          SourceReason.INVALID_SPEC, "cannot build TLS settings: " + e.getMessage());
    }
  }

  /** The client's key managers, for a transport that takes managers rather than a context. */
  public KeyManager[] keyManagers() {
    return new KeyManager[] {keyManager};
  }

  /** The trust managers, or null for the JDK's trust store. */
  public TrustManager[] trustManagers() {
    return trustManagers == null ? null : trustManagers.clone();
  }

  /**
   * Set when a server asked for a client certificate that this side did not have or that did not
   * fit: what to add to the message of the failure that followed.
   */
  public Optional<String> unansweredCertificateRequest() {
    return Optional.ofNullable(keyManager.unanswered());
  }

  /**
   * {@code failure} of a connection made with this TLS side, told as an authentication failure when
   * a server asked for a client certificate that could not be given (a server that only wants one
   * lets such a connection through, so failures with a more specific reason are left alone).
   */
  public SourceException explain(SourceException failure, SourceReason generic) {
    String request = keyManager.unanswered();
    if (request == null || failure.reason() != generic) {
      return failure;
    }
    return new SourceException(
        SourceReason.AUTHENTICATION_FAILED,
        failure.getMessage() + " (" + request + ")",
        failure.getCause());
  }

  /** Trust managers for {@code settings.caCertificate()}, or null for the JDK's defaults. */
  static TrustManager[] trustManagers(TlsSettings settings) throws SourceException {
    if (!settings.hasCustomTrust()) {
      return null;
    }
    List<X509Certificate> certificates = certificates(settings.caCertificate(), "ca.crt");
    try {
      KeyStore store = emptyStore();
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("ca-" + i, certificates.get(i));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      return trust.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new SourceException(
          SourceReason.INVALID_SPEC, "cannot trust the CA certificate: " + e.getMessage());
    }
  }

  /** Key managers presenting the client certificate, or null when there is none. */
  static KeyManager[] keyManagers(TlsSettings settings) throws SourceException {
    ClientKey key = clientKey(settings);
    return key == null ? null : key.managers();
  }

  /** Key managers presenting the client certificate, and that certificate. */
  private record ClientKey(KeyManager[] managers, X509Certificate certificate) {}

  private static ClientKey clientKey(TlsSettings settings) throws SourceException {
    if (!settings.hasClientCertificate()) {
      return null;
    }
    if (settings.clientCertificate() == null || settings.clientKey() == null) {
      throw new SourceException(
          SourceReason.INVALID_SPEC,
          "a TLS client certificate needs both tls.crt and tls.key; only "
              + (settings.clientCertificate() == null ? "tls.key" : "tls.crt")
              + " is set");
    }
    List<X509Certificate> chain = certificates(settings.clientCertificate(), "tls.crt");
    PrivateKey key = PemPrivateKey.parse(settings.clientKey());
    KeyPairMatch.check(chain.get(0), key);
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(Certificate[]::new));
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, IN_MEMORY_PASSWORD);
      return new ClientKey(keys.getKeyManagers(), chain.get(0));
    } catch (GeneralSecurityException e) {
      throw new SourceException(
          SourceReason.INVALID_SPEC,
          "cannot use the TLS client certificate: " + e.getClass().getSimpleName());
    }
  }

  private static List<X509Certificate> certificates(String pem, String what)
      throws SourceException {
    try {
      List<X509Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)))
              .stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (certificates.isEmpty()) {
        throw new SourceException(
            SourceReason.INVALID_SPEC, what + " holds no PEM X.509 certificate");
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new SourceException(
          SourceReason.INVALID_SPEC, what + " is not valid PEM X.509: " + e.getMessage());
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      return store;
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot create an in-memory key store", e);
    }
  }
}
