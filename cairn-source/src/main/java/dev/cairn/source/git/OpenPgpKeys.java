package dev.cairn.source.git;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Trusted OpenPGP public keys given as ASCII-armored blocks, and detached-signature checks against
 * them (BouncyCastle's lightweight API, no global security provider).
 */
final class OpenPgpKeys {
  private final List<PGPPublicKeyRingCollection> rings;

  private OpenPgpKeys(List<PGPPublicKeyRingCollection> rings) {
    this.rings = rings;
  }

  static OpenPgpKeys parse(List<String> armored) throws SourceException {
    if (armored.isEmpty()) {
      throw new SourceException(
          SourceReason.INVALID_SPEC, "signature verification needs at least one public key");
    }
    List<PGPPublicKeyRingCollection> rings = new ArrayList<>();
    for (int i = 0; i < armored.size(); i++) {
      try {
        rings.add(
            new PGPPublicKeyRingCollection(
                PGPUtil.getDecoderStream(
                    new ByteArrayInputStream(armored.get(i).getBytes(StandardCharsets.UTF_8))),
                new BcKeyFingerprintCalculator()));
      } catch (IOException | PGPException | RuntimeException e) {
        throw new SourceException(
            SourceReason.INVALID_SPEC, "public key #" + (i + 1) + " is not an OpenPGP key block");
      }
    }
    return new OpenPgpKeys(rings);
  }

  /**
   * Checks an armored detached signature over {@code payload}; returns the signing key id in hex,
   * or throws INVALID_COMMIT_SIGNATURE saying why it does not verify.
   */
  String verify(byte[] payload, byte[] armoredSignature, String what) throws SourceException {
    PGPSignature signature = readSignature(armoredSignature, what);
    String keyId = String.format(Locale.ROOT, "%016X", signature.getKeyID());
    PGPPublicKey key = find(signature.getKeyID());
    if (key == null) {
      throw invalid(what + " is signed by key " + keyId + ", which is not among the trusted keys");
    }
    try {
      signature.init(new BcPGPContentVerifierBuilderProvider(), key);
      signature.update(payload);
      if (!signature.verify()) {
        throw invalid(
            what + " has a signature by key " + keyId + " that does not match its content");
      }
      return keyId;
    } catch (PGPException e) {
      throw invalid(what + " has a signature by key " + keyId + " that cannot be checked");
    }
  }

  private PGPPublicKey find(long keyId) {
    for (PGPPublicKeyRingCollection ring : rings) {
      PGPPublicKey key = ring.getPublicKey(keyId);
      if (key != null) {
        return key;
      }
    }
    return null;
  }

  private static PGPSignature readSignature(byte[] armored, String what) throws SourceException {
    try {
      Object object =
          new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(armored)))
              .nextObject();
      if (object instanceof PGPSignatureList list && !list.isEmpty()) {
        return list.get(0);
      }
    } catch (IOException | RuntimeException e) {
      // reported below
    }
    throw invalid(what + " carries a signature that is not OpenPGP");
  }

  private static SourceException invalid(String message) {
    return new SourceException(SourceReason.INVALID_COMMIT_SIGNATURE, message);
  }
}
