package dev.cairn.secrets.sops;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Decrypts SOPS files with a set of keys: reads the file in its format, opens the data key with an
 * age identity or a PGP key, decrypts every encrypted value with its key path as additional data,
 * and (unless told not to) compares the MAC of the plaintext with the file's encrypted MAC.
 * Thread-safe; holds no plaintext.
 */
public final class SopsDecryptor {

  private final SopsKeys keys;
  private final SopsOptions options;

  public SopsDecryptor(SopsKeys keys, SopsOptions options) {
    this.keys = keys;
    this.options = options;
  }

  /**
   * The plaintext of {@code content}.
   *
   * @param file how the file is named in errors (a path inside the source)
   * @throws SopsException naming the file (and the value's key path where one value fails)
   */
  public SopsPlaintext decrypt(String file, byte[] content, SopsFormat format) {
    if (content.length > options.maxFileBytes()) {
      throw new SopsException(
          file + ": " + content.length + " bytes is over the limit of " + options.maxFileBytes());
    }
    SopsTree tree = SopsFileReader.read(file, new String(content, StandardCharsets.UTF_8), format);
    SopsMetadata metadata;
    try {
      metadata = SopsMetadata.of(tree.metadata());
    } catch (IllegalArgumentException e) {
      throw new SopsException(file + ": " + e.getMessage());
    }
    byte[] dataKey = keys.dataKey(file, metadata);
    try {
      String mac = new TreeDecrypter(file, dataKey, metadata).decrypt(tree.branches());
      if (options.verifyMac()) {
        verifyMac(file, metadata, dataKey, mac);
      }
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
    return new SopsPlaintext(format, tree.branches());
  }

  private static void verifyMac(String file, SopsMetadata metadata, byte[] dataKey, String mac) {
    if (metadata.mac().isEmpty()) {
      throw new SopsException(file + ": the file has no MAC; refusing values nobody can vouch for");
    }
    String stored;
    try {
      EncryptedValue value = EncryptedValue.parse(metadata.mac());
      stored =
          new String(
              ValueCipher.decrypt(value, dataKey, metadata.lastModified()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new SopsException(file + ": cannot decrypt sops.mac (is sops.lastmodified altered?)");
    }
    if (!stored.equals(mac)) {
      throw new SopsException(
          file + ": the MAC does not match the values: the file was altered after SOPS wrote it");
    }
  }
}
