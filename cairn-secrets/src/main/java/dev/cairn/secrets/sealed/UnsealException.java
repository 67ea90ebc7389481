package dev.cairn.secrets.sealed;

/**
 * A sealed value or SealedSecret that cannot be opened. Messages name the SealedSecret, the data
 * key and the sealing keys tried; never a ciphertext or a plaintext.
 */
public class UnsealException extends RuntimeException {

  public UnsealException(String message) {
    super(message);
  }

  public UnsealException(String message, Throwable cause) {
    super(message, cause);
  }
}
