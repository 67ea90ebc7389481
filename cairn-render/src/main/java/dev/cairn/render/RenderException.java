package dev.cairn.render;

/**
 * A rendering that failed. {@link #reason()} says what kind of failure it is, so callers can tell a
 * repository that needs fixing from a missing input; the message says what and where (path, file
 * and line, object), never a variable or secret value.
 */
public final class RenderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure. */
  public enum Reason {
    /** {@code spec.path} is absolute, leaves the artifact, or follows a symlink out of it. */
    PATH_OUTSIDE_ARTIFACT,
    /** {@code spec.path} does not exist in the artifact or is not a directory. */
    PATH_NOT_FOUND,
    /** The kustomization (user's or generated) cannot be built. */
    KUSTOMIZE_FAILED,
    /** A SOPS-encrypted file or Secret could not be decrypted, or would be applied encrypted. */
    DECRYPTION_FAILED,
    /** A rendered object lacks apiVersion, kind or name. */
    INVALID_OBJECT,
    /** Post-build substitution failed: syntax, unset variable (strict), invalid name, bad YAML. */
    SUBSTITUTION_FAILED,
    /** Files could not be read or written. */
    IO,
    /** Helm could not render the chart (template error, bad Chart.yaml, values schema). */
    HELM_FAILED,
    /** A post-renderer (Kustomize patches, images) failed on Helm's output. */
    POST_RENDER_FAILED
  }

  private final Reason reason;

  public RenderException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RenderException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
