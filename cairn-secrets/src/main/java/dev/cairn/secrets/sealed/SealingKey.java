package dev.cairn.secrets.sealed;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * A sealing key pair as the controller keeps it in a {@code kubernetes.io/tls} Secret: the RSA
 * private key ({@code tls.key}) and its self-signed certificate ({@code tls.crt}).
 */
public record SealingKey(RSAPrivateCrtKey privateKey, SealingCertificate certificate) {

  public SealingKey {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
    if (!certificate.publicKey().getModulus().equals(privateKey.getModulus())) {
      throw new IllegalArgumentException("the certificate does not hold the private key's RSA key");
    }
  }

  public RSAPublicKey publicKey() {
    return certificate.publicKey();
  }

  /** The key's name in messages: the SHA-256 SSH fingerprint, as the controller names keys. */
  public String fingerprint() {
    return KeyFingerprint.of(publicKey());
  }

  @Override
  public String toString() {
    return "SealingKey[" + fingerprint() + "]";
  }
}
