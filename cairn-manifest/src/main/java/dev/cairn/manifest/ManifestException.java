package dev.cairn.manifest;

/** Input that cannot be read as manifests; the message always starts with {@code file:line:}. */
public class ManifestException extends RuntimeException {

  private final transient Origin origin;

  public ManifestException(Origin origin, String message) {
    super(origin + ": " + message);
    this.origin = origin;
  }

  public ManifestException(Origin origin, String message, Throwable cause) {
    super(origin + ": " + message, cause);
    this.origin = origin;
  }

  public Origin origin() {
    return origin;
  }
}
