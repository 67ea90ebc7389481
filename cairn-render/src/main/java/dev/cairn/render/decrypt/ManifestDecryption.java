package dev.cairn.render.decrypt;

import dev.cairn.api.kustomize.Decryption;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.RenderException;
import dev.cairn.render.RenderException.Reason;
import dev.cairn.secrets.sops.SopsDecryptor;
import dev.cairn.secrets.sops.SopsKeys;
import dev.cairn.secrets.sops.SopsOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The decryption of one rendering: none when {@code spec.decryption} is unset (then an encrypted
 * Secret fails the rendering rather than being applied), else SOPS with the given keys.
 */
public final class ManifestDecryption {
  private final SopsDecryptor files;
  private final SopsDecryptor secrets;

  private ManifestDecryption(SopsKeys keys) {
    this.files = keys == null ? null : new SopsDecryptor(keys, SopsOptions.defaults());
    this.secrets =
        keys == null ? null : new SopsDecryptor(keys, SopsOptions.defaults().withVerifyMac(false));
  }

  /**
   * @param keys the keys read from {@code decryption.secretRef}; null means none (a Kustomization
   *     without {@code secretRef} has no key Cairn can use)
   */
  public static ManifestDecryption of(Decryption decryption, SopsKeys keys) {
    if (decryption == null) {
      return new ManifestDecryption(null);
    }
    if (decryption.provider() == null) {
      throw new RenderException(
          Reason.DECRYPTION_FAILED, "spec.decryption.provider must be set (sops)");
    }
    return new ManifestDecryption(keys == null ? SopsKeys.none() : keys);
  }

  /** True when files must be decrypted before the build (so the artifact must be copied). */
  public boolean decryptsFiles() {
    return files != null;
  }

  /** Decrypts the SOPS files {@code secretGenerator}s read, in place, under {@code root}. */
  public void decryptGeneratorFiles(Path root) {
    if (files != null) {
      GeneratorFiles.decrypt(root, files);
    }
  }

  /**
   * The built objects with SOPS-encrypted Secrets decrypted.
   *
   * @throws RenderException naming the Secret when one cannot be decrypted or stays encrypted
   */
  public List<KubeObject> decryptSecrets(List<KubeObject> objects) {
    return EncryptedSecrets.decrypt(objects, secrets);
  }
}
