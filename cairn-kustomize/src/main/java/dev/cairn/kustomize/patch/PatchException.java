package dev.cairn.kustomize.patch;

/** A patch that cannot be applied; the engine adds the file and target to the message. */
public final class PatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PatchException(String message) {
    super(message);
  }
}
