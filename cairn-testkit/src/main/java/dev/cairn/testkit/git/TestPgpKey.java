package dev.cairn.testkit.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.transport.CredentialsProvider;

/** An OpenPGP key made in the test, usable as JGit's commit and tag signer. */
public final class TestPgpKey implements Signer {
  private final PGPKeyPair keyPair;
  private final String armoredPublicKey;

  private TestPgpKey(PGPKeyPair keyPair, String armoredPublicKey) {
    this.keyPair = keyPair;
    this.armoredPublicKey = armoredPublicKey;
  }

  /** A fresh 2048-bit RSA key with one user id, e.g. {@code Alice <alice@example.com>}. */
  public static TestPgpKey generate(String userId) throws Exception {
    RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
    rsa.init(
        new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 12));
    AsymmetricCipherKeyPair raw = rsa.generateKeyPair();
    PGPKeyPair pair = new BcPGPKeyPair(PGPPublicKey.RSA_GENERAL, raw, new Date());
    PGPKeyRingGenerator rings =
        new PGPKeyRingGenerator(
            PGPSignature.POSITIVE_CERTIFICATION,
            pair,
            userId,
            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
            null,
            null,
            new BcPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256),
            null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
      rings.generatePublicKeyRing().encode(armored);
    }
    return new TestPgpKey(pair, out.toString(StandardCharsets.US_ASCII));
  }

  /** The public key as an ASCII-armored block, as a Flux verification Secret holds it. */
  public String armoredPublicKey() {
    return armoredPublicKey;
  }

  @Override
  public GpgSignature sign(
      Repository repository,
      GpgConfig config,
      byte[] data,
      PersonIdent committer,
      String signingKey,
      CredentialsProvider credentials)
      throws IOException {
    try {
      PGPSignatureGenerator generator =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256),
              keyPair.getPublicKey());
      generator.init(PGPSignature.BINARY_DOCUMENT, keyPair.getPrivateKey());
      generator.update(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
        generator.generate().encode(armored);
      }
      return new GpgSignature(out.toByteArray());
    } catch (PGPException e) {
      throw new IOException("cannot sign", e);
    }
  }

  @Override
  public boolean canLocateSigningKey(
      Repository repository,
      GpgConfig config,
      PersonIdent committer,
      String signingKey,
      CredentialsProvider credentials) {
    return true;
  }
}
