package dev.cairn.secrets.sealed;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes sealing keys as the controller does: an RSA key (4096 bits by default), a self-signed
 * SHA256-with-RSA certificate whose subject and issuer are the common name (empty by default, as
 * with the controller's {@code --my-cn}), a random 128-bit serial, valid from now for ten years
 * ({@code --key-ttl} 87600h), a CA certificate with the key usage "encipher only".
 */
public final class SealingKeyGenerator {

  public static final int DEFAULT_KEY_BITS = 4096;
  public static final Duration DEFAULT_VALIDITY = Duration.ofHours(10L * 365 * 24);

  private final int keyBits;
  private final Duration validity;
  private final String commonName;
  private final Clock clock;
  private final SecureRandom random;

  public SealingKeyGenerator(
      int keyBits, Duration validity, String commonName, Clock clock, SecureRandom random) {
    this.keyBits = keyBits;
    this.validity = validity;
    this.commonName = commonName == null ? "" : commonName;
    this.clock = clock;
    this.random = random;
  }

  public static SealingKeyGenerator defaults() {
    return new SealingKeyGenerator(
        DEFAULT_KEY_BITS, DEFAULT_VALIDITY, "", Clock.systemUTC(), new SecureRandom());
  }

  public SealingKeyGenerator withKeyBits(int bits) {
    return new SealingKeyGenerator(bits, validity, commonName, clock, random);
  }

  public SealingKeyGenerator withCommonName(String name) {
    return new SealingKeyGenerator(keyBits, validity, name, clock, random);
  }

  public SealingKeyGenerator withValidity(Duration duration) {
    return new SealingKeyGenerator(keyBits, duration, commonName, clock, random);
  }

  public SealingKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(keyBits, random);
      KeyPair pair = generator.generateKeyPair();
      return new SealingKey((RSAPrivateCrtKey) pair.getPrivate(), selfSigned(pair));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot generate a sealing key: " + e.getMessage(), e);
    }
  }

  private SealingCertificate selfSigned(KeyPair pair)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X500Name name = name();
    Instant notBefore = clock.instant();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(128, random),
            Date.from(notBefore),
            Date.from(notBefore.plus(validity)),
            name,
            pair.getPublic());
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.encipherOnly));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
    return SealingCertificate.of(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())),
        (RSAPublicKey) pair.getPublic());
  }

  private X500Name name() {
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
    if (!commonName.isEmpty()) {
      builder.addRDN(BCStyle.CN, commonName);
    }
    return builder.build();
  }
}
