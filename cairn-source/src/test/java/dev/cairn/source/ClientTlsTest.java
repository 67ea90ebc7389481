package dev.cairn.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.testkit.tls.TestPki;
import dev.cairn.testkit.tls.TestPki.Issued;
import dev.cairn.testkit.tls.TestPki.KeyType;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PEM client certificates and keys in every form a kubernetes.io/tls Secret holds. */
class ClientTlsTest {
  private static final TestPki PKI = TestPki.create("cairn-test-ca");
  private static final Issued RSA = PKI.issueClient("rsa-client", KeyType.RSA);
  private static final Issued EC = PKI.issueClient("ec-client", KeyType.EC);

  static Stream<Arguments> keyForms() {
    return Stream.of(
        Arguments.of("RSA PKCS#1", RSA, RSA.traditionalKeyPem(), "BEGIN RSA PRIVATE KEY"),
        Arguments.of("RSA PKCS#8", RSA, RSA.pkcs8KeyPem(), "BEGIN PRIVATE KEY"),
        Arguments.of("EC SEC1", EC, EC.traditionalKeyPem(), "BEGIN EC PRIVATE KEY"),
        Arguments.of("EC PKCS#8", EC, EC.pkcs8KeyPem(), "BEGIN PRIVATE KEY"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyForms")
  void everyKeyFormPresentsTheCertificate(String form, Issued client, String keyPem, String header)
      throws Exception {
    assertThat(keyPem).contains(header);
    KeyManager[] managers =
        ClientTls.keyManagers(
            TlsSettings.trusting(PKI.caPem())
                .withClientCertificate(client.certificatePem(), keyPem));

    X509KeyManager manager = (X509KeyManager) managers[0];
    String alias =
        manager.chooseClientAlias(
            new String[] {client.keys().getPublic().getAlgorithm()}, null, null);
    assertThat(alias).isNotNull();
    X509Certificate[] chain = manager.getCertificateChain(alias);
    assertThat(chain[0]).isEqualTo(client.certificate());
    PrivateKey key = manager.getPrivateKey(alias);
    assertThat(secretValue(key)).isEqualTo(secretValue(client.keys().getPrivate()));
  }

  private static java.math.BigInteger secretValue(PrivateKey key) {
    if (key instanceof java.security.interfaces.ECPrivateKey ec) {
      return ec.getS();
    }
    return ((java.security.interfaces.RSAPrivateKey) key).getPrivateExponent();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"openssl-ec", "openssl-rsa"})
  void keysWrittenByOpenSslAreRead(String name) throws Exception {
    String certificate = resource(name + ".crt");
    String key = resource(name + ".key");
    KeyManager[] managers =
        ClientTls.keyManagers(TlsSettings.none().withClientCertificate(certificate, key));
    X509KeyManager manager = (X509KeyManager) managers[0];
    String alias =
        manager.chooseClientAlias(new String[] {name.endsWith("ec") ? "EC" : "RSA"}, null, null);
    assertThat(manager.getCertificateChain(alias)[0].getSubjectX500Principal().getName())
        .isEqualTo("CN=" + name + "-client");
  }

  private static String resource(String name) throws java.io.IOException {
    try (var in = ClientTlsTest.class.getResourceAsStream("/tls/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void ecParametersBeforeTheKeyAreSkipped() throws Exception {
    String withParameters =
        "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
            + EC.traditionalKeyPem();
    assertThat(
            ClientTls.keyManagers(
                TlsSettings.none().withClientCertificate(EC.certificatePem(), withParameters)))
        .isNotEmpty();
  }

  @Test
  void aKeyOfAnotherCertificateIsNamedAsSuch() {
    assertThatThrownBy(
            () ->
                ClientTls.keyManagers(
                    TlsSettings.none()
                        .withClientCertificate(RSA.certificatePem(), EC.pkcs8KeyPem())))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.INVALID_SPEC);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "tls.key does not belong to the certificate in tls.crt (subject"
                          + " 'CN=rsa-client')");
            });
    Issued otherRsa = PKI.issueClient("other", KeyType.RSA);
    assertThatThrownBy(
            () ->
                ClientTls.keyManagers(
                    TlsSettings.none()
                        .withClientCertificate(RSA.certificatePem(), otherRsa.pkcs8KeyPem())))
        .hasMessageContaining("does not belong");
  }

  @Test
  void keysAreTheJdksOwnEvenWithBouncyCastleRegistered() throws Exception {
    // JGit's signature verification registers BouncyCastle's provider for the whole JVM
    java.security.Provider bouncyCastle = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    boolean added = java.security.Security.addProvider(bouncyCastle) != -1;
    try {
      assertThat(PemPrivateKey.parse(EC.pkcs8KeyPem()).getAlgorithm()).isEqualTo("EC");
      assertThat(PemPrivateKey.parse(EC.traditionalKeyPem()).getAlgorithm()).isEqualTo("EC");
      Issued other = PKI.issueClient("other-ec", KeyType.EC);
      assertThatThrownBy(
              () ->
                  ClientTls.keyManagers(
                      TlsSettings.none()
                          .withClientCertificate(EC.certificatePem(), other.pkcs8KeyPem())))
          .hasMessageContaining("does not belong");
    } finally {
      if (added) {
        java.security.Security.removeProvider(bouncyCastle.getName());
      }
    }
  }

  @Test
  void halfAPairIsRefused() {
    assertThatThrownBy(
            () ->
                ClientTls.keyManagers(
                    TlsSettings.none().withClientCertificate(RSA.certificatePem(), null)))
        .hasMessage("a TLS client certificate needs both tls.crt and tls.key; only tls.crt is set");
    assertThatThrownBy(
            () ->
                ClientTls.keyManagers(
                    TlsSettings.none().withClientCertificate(null, RSA.pkcs8KeyPem())))
        .hasMessage("a TLS client certificate needs both tls.crt and tls.key; only tls.key is set");
  }

  @Test
  void aBrokenKeyIsReportedWithoutItsContent() {
    String body = "c2VjcmV0LWtleS1tYXRlcmlhbC10aGF0LW11c3Qtbm90LWxlYWs=";
    String broken = "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    assertThatThrownBy(
            () ->
                ClientTls.keyManagers(
                    TlsSettings.none().withClientCertificate(RSA.certificatePem(), broken)))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("tls.key is not a readable PEM private key");
              assertThat(e.getMessage()).doesNotContain(body).doesNotContain("c2VjcmV0");
              assertThat(e.getCause()).isNull();
            });
    assertThatThrownBy(
            () ->
                ClientTls.keyManagers(
                    TlsSettings.none().withClientCertificate(RSA.certificatePem(), "plain text")))
        .hasMessage("tls.key holds no PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)");
  }

  @Test
  void anEncryptedKeyIsRefusedClearly() {
    String encrypted = RSA.encryptedPkcs8KeyPem("passphrase");
    assertThat(encrypted).contains("BEGIN ENCRYPTED PRIVATE KEY");
    assertThatThrownBy(
            () ->
                ClientTls.keyManagers(
                    TlsSettings.none().withClientCertificate(RSA.certificatePem(), encrypted)))
        .hasMessage("tls.key is encrypted; the TLS client key must be stored unencrypted");
  }

  @Test
  void aCertificateThatIsNotPemIsNamed() {
    assertThatThrownBy(
            () ->
                ClientTls.keyManagers(
                    TlsSettings.none().withClientCertificate("not pem", RSA.pkcs8KeyPem())))
        .hasMessageStartingWith("tls.crt ");
    assertThatThrownBy(() -> ClientTls.trustManagers(TlsSettings.trusting("not pem")))
        .hasMessageStartingWith("ca.crt ");
  }

  @Test
  void defaultsLeaveTheJdkInCharge() throws Exception {
    assertThat(ClientTls.keyManagers(TlsSettings.none())).isNull();
    assertThat(ClientTls.trustManagers(TlsSettings.none())).isNull();
    assertThat(TlsSettings.trusting("  ").isDefault()).isTrue();
  }

  @Test
  void toStringNeverShowsTheKey() {
    TlsSettings settings =
        TlsSettings.trusting(PKI.caPem())
            .withClientCertificate(RSA.certificatePem(), RSA.pkcs8KeyPem());
    assertThat(settings.toString())
        .isEqualTo("TlsSettings[ca=set, clientCertificate=set, clientKey=***]")
        .doesNotContain("PRIVATE");
  }
}
