package dev.cairn.secrets.sops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SOPS's value cipher: AES-256-GCM with the value's own IV (32 bytes when SOPS wrote it), the tag
 * stored apart, and the additional data SOPS gives (a value's key path joined with {@code :} and
 * ending in {@code :}; for the MAC, the last-modified time).
 */
final class ValueCipher {

  private ValueCipher() {}

  /**
   * The plaintext bytes of {@code value}; throws {@link GeneralSecurityException} on any tamper.
   */
  static byte[] decrypt(EncryptedValue value, byte[] dataKey, String additionalData)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(dataKey, "AES"),
        new GCMParameterSpec(value.tag().length * 8, value.iv()));
    cipher.updateAAD(additionalData.getBytes(StandardCharsets.UTF_8));
    ByteBuffer sealed = ByteBuffer.allocate(value.data().length + value.tag().length);
    sealed.put(value.data()).put(value.tag());
    return cipher.doFinal(sealed.array());
  }
}
