package dev.cairn.secrets.sealed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A sealing certificate, held as its DER bytes and read with Bouncy Castle: the controller's
 * certificates have an empty subject and issuer by default, which the JDK's certificate parser
 * refuses ("Empty issuer DN not allowed").
 */
public record SealingCertificate(
    byte[] der, RSAPublicKey publicKey, Instant notBefore, Instant notAfter, String subject) {

  public SealingCertificate {
    der = der.clone();
  }

  static SealingCertificate of(X509CertificateHolder holder, RSAPublicKey publicKey) {
    try {
      return new SealingCertificate(
          holder.getEncoded(),
          publicKey,
          holder.getNotBefore().toInstant(),
          holder.getNotAfter().toInstant(),
          holder.getSubject().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] der() {
    return der.clone();
  }

  public X509CertificateHolder holder() {
    try {
      return new X509CertificateHolder(der);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code CERTIFICATE} PEM block ({@code tls.crt}). */
  public String pem() {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject("CERTIFICATE", der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealingCertificate that && Arrays.equals(der, that.der);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(der);
  }

  @Override
  public String toString() {
    return "SealingCertificate[subject=" + subject + ", notAfter=" + notAfter + "]";
  }
}
