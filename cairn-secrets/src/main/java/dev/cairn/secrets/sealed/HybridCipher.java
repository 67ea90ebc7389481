package dev.cairn.secrets.sealed;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two ciphers of the sealed value format. RSA-OAEP uses SHA-256 for the digest and for MGF1
 * (Go's {@code rsa.EncryptOAEP} hashes both with the one hash it is given; the JDK's default MGF1
 * digest would be SHA-1). AES-256-GCM uses a 12-byte zero nonce and a 16-byte tag: each session key
 * seals exactly one value.
 */
final class HybridCipher {

  static final int SESSION_KEY_BYTES = 32;
  private static final int GCM_NONCE_BYTES = 12;
  private static final int GCM_TAG_BITS = 128;

  private HybridCipher() {}

  static Cipher oaep(int mode, Key key, byte[] label) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
    OAEPParameterSpec spec =
        new OAEPParameterSpec(
            "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(label));
    cipher.init(mode, key, spec);
    return cipher;
  }

  static Cipher gcm(int mode, byte[] sessionKey) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        mode,
        new SecretKeySpec(sessionKey, "AES"),
        new GCMParameterSpec(GCM_TAG_BITS, new byte[GCM_NONCE_BYTES]));
    return cipher;
  }
}
