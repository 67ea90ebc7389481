package dev.cairn.source;

/**
 * A stand-in for a library exception: same class name and stack trace, message scrubbed by a {@link
 * Redactor}, causes wrapped the same way. Library exceptions are never attached raw to a {@link
 * SourceException} because their messages may echo URLs or server replies.
 */
public final class RedactedCause extends Exception {
  private final String originalType;

  private RedactedCause(String originalType, String message, Throwable cause) {
    super(message, cause);
    this.originalType = originalType;
  }

  static RedactedCause of(Throwable original, Redactor redactor) {
    return of(original, redactor, 0);
  }

  private static RedactedCause of(Throwable original, Redactor redactor, int depth) {
    Throwable next = original.getCause();
    RedactedCause wrappedCause =
        next == null || next == original || depth > 16 ? null : of(next, redactor, depth + 1);
    RedactedCause copy =
        new RedactedCause(
            original.getClass().getName(), redactor.redact(original.getMessage()), wrappedCause);
    copy.setStackTrace(original.getStackTrace());
    return copy;
  }

  /** The fully qualified class name of the exception this one stands for. */
  public String originalType() {
    return originalType;
  }

  @Override
  public String toString() {
    String message = getMessage();
    return message == null ? originalType : originalType + ": " + message;
  }
}
