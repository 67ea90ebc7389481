package dev.cairn.secrets.sops;

/**
 * How strictly a SOPS file is decrypted.
 *
 * @param verifyMac refuse a file whose MAC does not match its values (SOPS's own check). On by
 *     default. kustomize-controller turns it off for Secrets decrypted after the Kustomize build,
 *     since Kustomize adds labels, namespaces and annotations that change the MAC; decrypt files
 *     before Kustomize touches them to keep it on.
 * @param maxFileBytes the largest file decrypted (kustomize-controller's limit is 5 MiB)
 */
public record SopsOptions(boolean verifyMac, int maxFileBytes) {

  public static SopsOptions defaults() {
    return new SopsOptions(true, 5 * 1024 * 1024);
  }

  public SopsOptions withVerifyMac(boolean verify) {
    return new SopsOptions(verify, maxFileBytes);
  }

  public SopsOptions withMaxFileBytes(int bytes) {
    return new SopsOptions(verifyMac, bytes);
  }
}
