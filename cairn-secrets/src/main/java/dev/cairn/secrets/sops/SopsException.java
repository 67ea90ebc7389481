package dev.cairn.secrets.sops;

/**
 * A SOPS file that cannot be decrypted. The message starts with the file and, where one value is at
 * fault, its key path; it never holds a plaintext, a data key or an identity.
 */
public class SopsException extends RuntimeException {

  public SopsException(String message) {
    super(message);
  }

  public SopsException(String message, Throwable cause) {
    super(message, cause);
  }
}
