package dev.cairn.secrets.sealed;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SealingKeyGeneratorTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static SealingKey key;

  @BeforeAll
  static void generateOnce() {
    key =
        new SealingKeyGenerator(
                SealingKeyGenerator.DEFAULT_KEY_BITS,
                SealingKeyGenerator.DEFAULT_VALIDITY,
                "",
                Clock.fixed(NOW, ZoneOffset.UTC),
                new SecureRandom())
            .generate();
  }

  @Test
  void theKeyIsRsa4096() {
    assertThat(key.privateKey().getModulus().bitLength()).isEqualTo(4096);
  }

  @Test
  void theCertificateIsSelfSignedWithAnEmptyNameAsTheControllerMakesIt() throws Exception {
    X509CertificateHolder certificate = key.certificate().holder();

    assertThat(
            certificate.isSignatureValid(
                new JcaContentVerifierProviderBuilder().build(key.publicKey())))
        .isTrue();
    assertThat(certificate.getSubject().getRDNs()).isEmpty();
    assertThat(certificate.getIssuer()).isEqualTo(certificate.getSubject());
    assertThat(certificate.getSignatureAlgorithm().getAlgorithm().getId())
        .isEqualTo("1.2.840.113549.1.1.11");
    assertThat(BasicConstraints.fromExtensions(certificate.getExtensions()).isCA()).isTrue();
    assertThat(certificate.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
  }

  @Test
  void theCertificateIsForEnciphermentOnly() {
    X509CertificateHolder certificate = key.certificate().holder();
    KeyUsage usage = KeyUsage.fromExtensions(certificate.getExtensions());

    assertThat(usage.hasUsages(KeyUsage.encipherOnly)).isTrue();
    assertThat(usage.hasUsages(KeyUsage.digitalSignature)).isFalse();
    assertThat(certificate.getExtension(Extension.keyUsage).isCritical()).isTrue();
    assertThat(certificate.getExtension(Extension.basicConstraints).isCritical()).isTrue();
  }

  @Test
  void theCertificateIsValidForTenYearsFromNow() {
    assertThat(key.certificate().notBefore()).isEqualTo(NOW);
    assertThat(Duration.between(NOW, key.certificate().notAfter()))
        .isEqualTo(Duration.ofDays(3650));
  }

  @Test
  void aCommonNameNamesSubjectAndIssuer() {
    SealingKey named =
        SealingKeyGenerator.defaults().withKeyBits(2048).withCommonName("cairn").generate();

    assertThat(named.certificate().subject()).isEqualTo("CN=cairn");
    assertThat(named.certificate().holder().getIssuer().toString()).isEqualTo("CN=cairn");
  }

  @Test
  void pemRoundTripsAsTlsKeyAndTlsCrt() {
    String keyPem = SealingKeyPem.writePrivateKey(key.privateKey());
    String certificatePem = SealingKeyPem.writeCertificate(key.certificate());

    assertThat(keyPem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(certificatePem).startsWith("-----BEGIN CERTIFICATE-----");
    SealingKey read = SealingKeyPem.read("generated", keyPem, certificatePem);
    assertThat(read.privateKey()).isEqualTo(key.privateKey());
    assertThat(read.certificate()).isEqualTo(key.certificate());
  }
}
