package dev.cairn.secrets.sealed;

import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;

/**
 * Opens one sealed value with the first of the given keys that can (old keys stay for decryption
 * after a rotation). Thread-safe.
 */
public final class HybridUnsealer {

  /**
   * The plaintext of {@code ciphertext}.
   *
   * @throws UnsealException when the bytes are too short or no key opens them with this label
   */
  public byte[] unseal(List<SealingKey> keys, byte[] label, byte[] ciphertext) {
    if (ciphertext.length < 2) {
      throw new UnsealException("sealed value is too short");
    }
    int rsaLength = ((ciphertext[0] & 0xFF) << 8) | (ciphertext[1] & 0xFF);
    if (ciphertext.length < 2 + rsaLength) {
      throw new UnsealException("sealed value is too short");
    }
    byte[] rsaPart = Arrays.copyOfRange(ciphertext, 2, 2 + rsaLength);
    byte[] aesPart = Arrays.copyOfRange(ciphertext, 2 + rsaLength, ciphertext.length);
    for (SealingKey key : keys) {
      byte[] plaintext = tryKey(key.privateKey(), label, rsaPart, aesPart);
      if (plaintext != null) {
        return plaintext;
      }
    }
    throw new UnsealException(
        "no key could decrypt the value (tried "
            + keys.size()
            + (keys.size() == 1 ? " key: " : " keys: ")
            + String.join(", ", keys.stream().map(SealingKey::fingerprint).toList())
            + "); it was sealed with another key or for another name, namespace or scope");
  }

  private static byte[] tryKey(
      RSAPrivateKey privateKey, byte[] label, byte[] rsaPart, byte[] aesPart) {
    byte[] sessionKey = null;
    try {
      sessionKey = HybridCipher.oaep(Cipher.DECRYPT_MODE, privateKey, label).doFinal(rsaPart);
      return HybridCipher.gcm(Cipher.DECRYPT_MODE, sessionKey).doFinal(aesPart);
    } catch (GeneralSecurityException e) {
      return null;
    } finally {
      if (sessionKey != null) {
        Arrays.fill(sessionKey, (byte) 0);
      }
    }
  }
}
