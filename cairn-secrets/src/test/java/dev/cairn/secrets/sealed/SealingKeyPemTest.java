package dev.cairn.secrets.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealingKeyPemTest {

  @Test
  void aPkcs1KeyFromPythonReads() {
    assertThat(TestKeys.pythonKey().privateKey().getModulus())
        .isEqualTo(TestKeys.pythonKey().publicKey().getModulus());
  }

  @Test
  void aControllerKeySecretsDataReads() {
    SealingKey key =
        SealingKeyPem.fromSecretData(
            "cairn-system/sealed-secrets-key1",
            Map.of(
                "tls.key",
                    TestKeys.resource("sealed/key/tls.key").getBytes(StandardCharsets.US_ASCII),
                "tls.crt",
                    TestKeys.resource("sealed/key/tls.crt").getBytes(StandardCharsets.US_ASCII)));

    assertThat(key.fingerprint()).isEqualTo(TestKeys.pythonKey().fingerprint());
    assertThatThrownBy(
            () ->
                SealingKeyPem.fromSecretData("cairn-system/broken", Map.of("tls.crt", new byte[0])))
        .hasMessage("cairn-system/broken: a sealing key Secret needs tls.key and tls.crt");
  }

  @Test
  void aKeyThatIsNotPemIsRefusedNamingTheSource() {
    assertThatThrownBy(() -> SealingKeyPem.readPrivateKey("keys/tls.key", "not a key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("keys/tls.key:");
  }

  @Test
  void aCertificateThatIsNotPemIsRefusedNamingTheSource() {
    assertThatThrownBy(() -> SealingKeyPem.readCertificate("cert.pem", "-----BEGIN nothing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cert.pem:");
  }

  @Test
  void anExpiredCertificateDoesNotSeal() {
    var certificate = TestKeys.pythonKey().certificate();
    Instant afterExpiry = certificate.notAfter().plusSeconds(1);

    assertThatThrownBy(() -> SealingKeyPem.sealingKeyOf("cert.pem", certificate, afterExpiry))
        .hasMessageContaining("cert.pem: the certificate expired on");
    assertThat(
            SealingKeyPem.sealingKeyOf(
                "cert.pem", certificate, Instant.parse("2026-12-06T00:00:00Z")))
        .isEqualTo(TestKeys.pythonKey().publicKey());
  }
}
