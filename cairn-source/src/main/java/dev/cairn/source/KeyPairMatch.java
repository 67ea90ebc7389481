package dev.cairn.source;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

/**
 * Checks that a private key belongs to a certificate by signing a fixed message with the key and
 * verifying it with the certificate's public key, so a wrong {@code tls.key} is reported as such
 * instead of as a failed handshake on the server's side.
 */
final class KeyPairMatch {
  private static final byte[] MESSAGE = "cairn key pair check".getBytes(StandardCharsets.UTF_8);

  private KeyPairMatch() {}

  static void check(X509Certificate certificate, PrivateKey key) throws SourceException {
    String algorithm = signatureAlgorithm(key.getAlgorithm());
    if (algorithm == null) {
      return; // an algorithm the JDK signs with in ways not worth guessing: the handshake decides
    }
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(MESSAGE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(MESSAGE);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false;
    }
    if (!matches) {
      throw new SourceException(
          SourceReason.INVALID_SPEC,
          "tls.key does not belong to the certificate in tls.crt (subject '"
              + certificate.getSubjectX500Principal().getName()
              + "')");
    }
  }

  private static String signatureAlgorithm(String keyAlgorithm) {
    return switch (keyAlgorithm) {
      case "RSA" -> "SHA256withRSA";
      case "EC", "ECDSA" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
  }
}
