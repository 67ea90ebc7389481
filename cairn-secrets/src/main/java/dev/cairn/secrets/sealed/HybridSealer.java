package dev.cairn.secrets.sealed;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * Seals one value as kubeseal does: {@code u16 big-endian length of the RSA part ‖
 * RSA-OAEP(SHA-256, label) of a random 32-byte session key ‖ AES-256-GCM(session key, zero nonce)
 * of the value with its tag}. Thread-safe.
 */
public final class HybridSealer {

  private final SecureRandom random;

  public HybridSealer() {
    this(new SecureRandom());
  }

  public HybridSealer(SecureRandom random) {
    this.random = random;
  }

  /** The sealed bytes (spec.encryptedData holds their standard base64). */
  public byte[] seal(RSAPublicKey publicKey, byte[] label, byte[] plaintext) {
    byte[] sessionKey = new byte[HybridCipher.SESSION_KEY_BYTES];
    random.nextBytes(sessionKey);
    try {
      Cipher oaep = HybridCipher.oaep(Cipher.ENCRYPT_MODE, publicKey, label);
      byte[] rsaPart = oaep.doFinal(sessionKey);
      if (rsaPart.length > 0xFFFF) {
        throw new IllegalArgumentException("RSA keys over 524280 bits cannot seal");
      }
      byte[] aesPart = HybridCipher.gcm(Cipher.ENCRYPT_MODE, sessionKey).doFinal(plaintext);
      return ByteBuffer.allocate(2 + rsaPart.length + aesPart.length)
          .putShort((short) rsaPart.length)
          .put(rsaPart)
          .put(aesPart)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal: " + e.getMessage(), e);
    } finally {
      Arrays.fill(sessionKey, (byte) 0);
    }
  }
}
