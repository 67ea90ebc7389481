package dev.cairn.secrets.sops;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;

/**
 * OpenPGP secret keys without a passphrase (as kustomize-controller imports a Secret's {@code
 * *.asc} entries into its keyring) and the PGP messages SOPS keeps data keys in. Bouncy Castle's
 * lightweight API; no JCA provider is registered.
 */
final class PgpSecretKeys {

  private final List<PGPSecretKeyRing> rings;

  private PgpSecretKeys(List<PGPSecretKeyRing> rings) {
    this.rings = List.copyOf(rings);
  }

  static PgpSecretKeys none() {
    return new PgpSecretKeys(List.of());
  }

  int size() {
    return rings.size();
  }

  /** These keys and the secret keys of an armored (or binary) key block. */
  PgpSecretKeys with(String source, byte[] keyBlock) {
    List<PGPSecretKeyRing> all = new ArrayList<>(rings);
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyBlock))) {
      PGPSecretKeyRingCollection collection =
          new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
      collection.getKeyRings().forEachRemaining(all::add);
    } catch (IOException | PGPException | RuntimeException e) {
      throw new IllegalArgumentException(source + ": not an OpenPGP secret key block");
    }
    if (all.size() == rings.size()) {
      throw new IllegalArgumentException(source + ": no OpenPGP secret key in the block");
    }
    return new PgpSecretKeys(all);
  }

  /** The literal payload of a PGP message, or null when none of these keys opens it. */
  byte[] decrypt(String armoredMessage) throws IOException, PGPException {
    if (rings.isEmpty()) {
      return null;
    }
    InputStream in =
        PGPUtil.getDecoderStream(
            new ByteArrayInputStream(armoredMessage.getBytes(StandardCharsets.US_ASCII)));
    BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
    Object object = factory.nextObject();
    while (object != null && !(object instanceof PGPEncryptedDataList)) {
      object = factory.nextObject();
    }
    if (object == null) {
      throw new PGPException("no encrypted data in the message");
    }
    Iterator<PGPEncryptedData> items = ((PGPEncryptedDataList) object).iterator();
    while (items.hasNext()) {
      if (items.next() instanceof PGPPublicKeyEncryptedData data) {
        PGPPrivateKey key = privateKey(data.getKeyID());
        if (key != null) {
          return payload(data, key);
        }
      }
    }
    return null;
  }

  private PGPPrivateKey privateKey(long keyId) throws PGPException {
    for (PGPSecretKeyRing ring : rings) {
      PGPSecretKey secret = ring.getSecretKey(keyId);
      if (secret != null) {
        return secret.extractPrivateKey(
            new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                .build(new char[0]));
      }
    }
    return null;
  }

  private static byte[] payload(PGPPublicKeyEncryptedData data, PGPPrivateKey key)
      throws IOException, PGPException {
    try (InputStream clear = data.getDataStream(new BcPublicKeyDataDecryptorFactory(key))) {
      Object message = new BcPGPObjectFactory(clear).nextObject();
      if (message instanceof PGPCompressedData compressed) {
        message = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
      }
      if (!(message instanceof PGPLiteralData literal)) {
        throw new PGPException("the message holds no literal data");
      }
      byte[] bytes = literal.getInputStream().readAllBytes();
      if (data.isIntegrityProtected() && !data.verify()) {
        throw new PGPException("the message failed its integrity check");
      }
      return bytes;
    }
  }

  @Override
  public String toString() {
    return "PgpSecretKeys[" + rings.size() + "]";
  }
}
