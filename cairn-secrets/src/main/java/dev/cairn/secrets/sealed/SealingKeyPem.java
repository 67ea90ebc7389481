package dev.cairn.secrets.sealed;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM text of sealing keys as the controller writes them into its key Secret: {@code tls.key} a
 * PKCS#1 {@code RSA PRIVATE KEY}, {@code tls.crt} a {@code CERTIFICATE}. Reading also accepts a
 * PKCS#8 {@code PRIVATE KEY}. Error messages name the source, never key material.
 */
public final class SealingKeyPem {

  private SealingKeyPem() {}

  /** A sealing key from the PEM text of {@code tls.key} and {@code tls.crt}. */
  public static SealingKey read(String source, String keyPem, String certificatePem) {
    return new SealingKey(readPrivateKey(source, keyPem), readCertificate(source, certificatePem));
  }

  /**
   * A sealing key from the data of a controller key Secret ({@code kubernetes.io/tls}: {@code
   * tls.key}, {@code tls.crt}); {@code secret} names it in errors ({@code namespace/name}).
   */
  public static SealingKey fromSecretData(String secret, Map<String, byte[]> data) {
    byte[] key = data.get("tls.key");
    byte[] certificate = data.get("tls.crt");
    if (key == null || certificate == null) {
      throw new IllegalArgumentException(
          secret + ": a sealing key Secret needs tls.key and tls.crt");
    }
    return read(
        secret,
        new String(key, StandardCharsets.US_ASCII),
        new String(certificate, StandardCharsets.US_ASCII));
  }

  public static RSAPrivateCrtKey readPrivateKey(String source, String pem) {
    Object object = readFirst(source, pem, "private key");
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      PrivateKey key;
      if (object instanceof PEMKeyPair pair) {
        key = converter.getPrivateKey(pair.getPrivateKeyInfo());
      } else if (object instanceof PrivateKeyInfo info) {
        key = converter.getPrivateKey(info);
      } else {
        throw new IllegalArgumentException(source + ": no unencrypted PEM private key");
      }
      if (key instanceof RSAPrivateCrtKey rsa) {
        return rsa;
      }
      throw new IllegalArgumentException(source + ": the private key is not an RSA key");
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": unreadable PEM private key", e);
    }
  }

  /** The first certificate of a PEM bundle (kubeseal seals with the first). */
  public static SealingCertificate readCertificate(String source, String pem) {
    if (!(readFirst(source, pem, "certificate") instanceof X509CertificateHolder holder)) {
      throw new IllegalArgumentException(source + ": no PEM certificate");
    }
    try {
      PublicKey key = new JcaPEMKeyConverter().getPublicKey(holder.getSubjectPublicKeyInfo());
      if (key instanceof RSAPublicKey rsa) {
        return SealingCertificate.of(holder, rsa);
      }
      throw new IllegalArgumentException(source + ": the certificate's key is not an RSA key");
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": unreadable PEM certificate", e);
    }
  }

  /**
   * The certificate's RSA key, refused once the certificate has expired (kubeseal refuses to seal
   * with an expired certificate too).
   */
  public static RSAPublicKey sealingKeyOf(
      String source, SealingCertificate certificate, Instant now) {
    if (now.isAfter(certificate.notAfter())) {
      throw new IllegalArgumentException(
          source + ": the certificate expired on " + certificate.notAfter());
    }
    return certificate.publicKey();
  }

  /** The PKCS#1 {@code RSA PRIVATE KEY} block ({@code tls.key}). */
  public static String writePrivateKey(RSAPrivateCrtKey key) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new JcaMiscPEMGenerator(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  public static String writeCertificate(SealingCertificate certificate) {
    return certificate.pem();
  }

  private static Object readFirst(String source, String pem, String what) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object = parser.readObject();
      if (object == null) {
        throw new IllegalArgumentException(source + ": no PEM " + what);
      }
      return object;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException illegal && illegal.getCause() == null) {
        throw illegal;
      }
      throw new IllegalArgumentException(source + ": unreadable PEM " + what, e);
    }
  }
}
