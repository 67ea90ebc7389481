package dev.cairn.source;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust in exactly the PEM certificates given (a private CA, Flux's {@code ca.crt}) instead of the
 * JDK's default trust store. Host names are still checked.
 */
public final class TrustedCertificates {
  private TrustedCertificates() {}

  /** An SSL context trusting only the given certificates. */
  public static SSLContext sslContext(String pem) throws SourceException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(pem), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new SourceException(
          SourceReason.INVALID_SPEC, "cannot build TLS settings for the CA: " + e.getMessage());
    }
  }

  /** Trust managers trusting only the given certificates. */
  public static TrustManager[] trustManagers(String pem) throws SourceException {
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
      if (certificates.isEmpty()) {
        throw new GeneralSecurityException("no certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      return trust.getTrustManagers();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new SourceException(
          SourceReason.INVALID_SPEC,
          "the CA certificate is not valid PEM X.509: " + e.getMessage());
    }
  }
}
