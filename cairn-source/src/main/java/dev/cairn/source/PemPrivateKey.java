package dev.cairn.source;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
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
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (int i = 0; i < MAX_BLOCKS; i++) {
        Object block = parser.readObject();
        if (block == null) {
          break;
        }
        if (block instanceof PEMKeyPair pair) {
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (block instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new SourceException(
              SourceReason.INVALID_SPEC,
              "tls.key is encrypted; the TLS client key must be stored unencrypted");
        }
      }
    } catch (IOException | RuntimeException e) {
      // the parser's own message may quote the input; only the kind of failure is reported
      throw new SourceException(
          SourceReason.INVALID_SPEC,
          "tls.key is not a readable PEM private key (" + e.getClass().getSimpleName() + ")");
    }
    throw new SourceException(
        SourceReason.INVALID_SPEC,
        "tls.key holds no PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)");
  }
}
