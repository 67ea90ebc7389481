package dev.cairn.engine.preview;

/** The preview as a whole cannot run: no repository, an unknown revision, an unreadable file. */
public final class PreviewException extends RuntimeException {
  public PreviewException(String message) {
    super(message);
  }

  public PreviewException(String message, Throwable cause) {
    super(message, cause);
  }
}
