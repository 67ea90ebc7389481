package dev.cairn.source;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads an unencrypted PEM private key in the forms a {@code kubernetes.io/tls} Secret holds:
 * PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}, cert-manager's default) and SEC1
 * ({@code EC PRIVATE KEY}, possibly after an {@code EC PARAMETERS} block). BouncyCastle parses; the
 * JDK's own providers hold the key.
 */
final class PemPrivateKey {
  private static final int MAX_BLOCKS = 8;

  private PemPrivateKey() {}

  static PrivateKey parse(String pem) throws SourceException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (int i = 0; i < MAX_BLOCKS; i++) {
        Object block = parser.readObject();
        if (block == null) {
          break;
        }
        if (block instanceof PEMKeyPair pair) {
          return jdkKey(pair.getPrivateKeyInfo());
        }
        if (block instanceof PrivateKeyInfo info) {
          return jdkKey(info);
        }
        if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new SourceException(
              SourceReason.INVALID_SPEC,
              "tls.key is encrypted; the TLS client key must be stored unencrypted");
        }
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // the parser's own message may quote the input; only the kind of failure is reported
      throw new SourceException(
          SourceReason.INVALID_SPEC,
          "tls.key is not a readable PEM private key (" + e.getClass().getSimpleName() + ")");
    }
    throw new SourceException(
        SourceReason.INVALID_SPEC,
        "tls.key holds no PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)");
  }

  private static PrivateKey jdkKey(PrivateKeyInfo info)
      throws IOException, GeneralSecurityException {
    ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
    String algorithm;
    if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
      algorithm = "RSA";
    } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
      algorithm = "EC";
    } else if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
      algorithm = "Ed25519";
    } else {
      algorithm = oid.getId();
    }
    return KeyFactory.getInstance(algorithm)
        .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
  }
}
