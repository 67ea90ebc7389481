package dev.cairn.testkit.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A throwaway certificate authority for TLS tests: a self-signed CA that issues a server
 * certificate for 127.0.0.1 and client certificates (RSA or EC), with PEM text in the forms a
 * {@code kubernetes.io/tls} Secret holds and server-side {@link SSLContext}s that trust only this
 * CA. Everything lives in memory and is valid for two days.
 */
public final class TestPki {
  private static final char[] PASSWORD = new char[0];
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  private final X500Name name;
  private final KeyPair keys;
  private final X509Certificate certificate;

  private TestPki(X500Name name, KeyPair keys, X509Certificate certificate) {
    this.name = name;
    this.keys = keys;
    this.certificate = certificate;
  }

  /** A new CA with the given common name. */
  public static TestPki create(String commonName) {
    X500Name name = new X500Name("CN=" + commonName);
    KeyPair keys = generate(KeyType.EC);
    X509Certificate certificate =
        sign(
            name,
            keys,
            builder(name, name, keys)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign)));
    return new TestPki(name, keys, certificate);
  }

  /** The CA certificate as PEM: what a client puts in {@code ca.crt}. */
  public String caPem() {
    return pem(certificate);
  }

  /** A server certificate for 127.0.0.1 (subject alternative name IP 127.0.0.1). */
  public Issued issueServer() {
    KeyPair subject = generate(KeyType.EC);
    X500Name subjectName = new X500Name("CN=127.0.0.1");
    X509Certificate issued =
        sign(
            name,
            keys,
            builder(name, subjectName, subject)
                .addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
                .addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)));
    return new Issued(issued, subject, certificate);
  }

  /** A client certificate with the given common name and key type. */
  public Issued issueClient(String commonName, KeyType type) {
    KeyPair subject = generate(type);
    X509Certificate issued =
        sign(
            name,
            keys,
            builder(name, new X500Name("CN=" + commonName), subject)
                .addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)));
    return new Issued(issued, subject, certificate);
  }

  /**
   * A server context presenting {@code server} and trusting client certificates of this CA only
   * (whether clients must present one is the server's setting).
   */
  public SSLContext serverContext(Issued server) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(
          "server",
          server.keys().getPrivate(),
          PASSWORD,
          new Certificate[] {server.certificate(), certificate});
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keyStore, PASSWORD);
      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      trustStore.setCertificateEntry("ca", certificate);
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the test server's TLS context", e);
    }
  }

  /** The key algorithms a client certificate can have. */
  public enum KeyType {
    RSA,
    EC
  }

  /** A certificate this CA issued, with its key pair. */
  public record Issued(X509Certificate certificate, KeyPair keys, X509Certificate issuer) {
    /** The certificate as PEM: {@code tls.crt}. */
    public String certificatePem() {
      return pem(certificate);
    }

    /** The private key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). */
    public String pkcs8KeyPem() {
      try {
        return pem(new JcaPKCS8Generator(keys.getPrivate(), null));
      } catch (PemGenerationException e) {
        throw new IllegalStateException("cannot encode the test key", e);
      }
    }

    /** The private key as encrypted PKCS#8 PEM ({@code BEGIN ENCRYPTED PRIVATE KEY}). */
    public String encryptedPkcs8KeyPem(String password) {
      try {
        return pem(
            new JcaPKCS8Generator(
                keys.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(new BouncyCastleProvider())
                    .setPassword(password.toCharArray())
                    .build()));
      } catch (OperatorCreationException | PemGenerationException e) {
        throw new IllegalStateException("cannot encrypt the test key", e);
      }
    }

    /**
     * The private key in its algorithm's traditional PEM form: PKCS#1 {@code BEGIN RSA PRIVATE KEY}
     * or SEC1 {@code BEGIN EC PRIVATE KEY}.
     */
    public String traditionalKeyPem() {
      if (!"EC".equals(keys.getPrivate().getAlgorithm())) {
        return pem(keys.getPrivate());
      }
      // BouncyCastle's writer leaves the curve out of SEC1 when the JDK made the key; OpenSSL and
      // cert-manager always name it, so the curve is put back as they write it
      try {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPrivateKey sec1 =
            new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot encode the test key as SEC1", e);
      }
    }
  }

  private static Extensions builder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
    Instant now = Instant.now();
    return new Extensions(
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(SERIALS.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(2))),
            subject,
            subjectKeys.getPublic()));
  }

  /** A certificate builder whose extensions are added without checked exceptions. */
  private record Extensions(X509v3CertificateBuilder builder) {
    Extensions addExtension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
      try {
        builder.addExtension(oid, critical, value);
        return this;
      } catch (CertIOException e) {
        throw new UncheckedIOException("cannot encode a certificate extension", e);
      }
    }
  }

  private static X509Certificate sign(X500Name issuer, KeyPair issuerKeys, Extensions builder) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder
                  .builder()
                  .build(
                      new JcaContentSignerBuilder("SHA256withECDSA")
                          .build(issuerKeys.getPrivate())));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a test certificate for " + issuer, e);
    }
  }

  private static KeyPair generate(KeyType type) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(type.name());
      if (type == KeyType.EC) {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always generates " + type + " keys", e);
    }
  }

  private static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write PEM", e);
    }
    return text.toString();
  }
}
