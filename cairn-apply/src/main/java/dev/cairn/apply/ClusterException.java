package dev.cairn.apply;

import java.util.regex.Pattern;

/**
 * A request the cluster refused or could not answer: the HTTP code (0 when there was no answer),
 * the server's reason ({@code NotFound}, {@code Invalid}, {@code Conflict}...) and its message.
 */
public final class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Messages of updates the server refuses because a field cannot change after creation. */
  private static final Pattern IMMUTABLE =
      Pattern.compile(
          "field is immutable|cannot change roleRef|may not change once set|"
              + "updates to .* are forbidden",
          Pattern.CASE_INSENSITIVE);

  private final int code;
  private final String reason;

  public ClusterException(int code, String reason, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.reason = reason == null ? "" : reason;
  }

  public ClusterException(int code, String reason, String message) {
    this(code, reason, message, null);
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public boolean isNotFound() {
    return code == 404;
  }

  /**
   * 422 Invalid with an immutable-field message: only a delete and recreate can make the change.
   */
  public boolean isImmutable() {
    return (code == 422 || code == 400)
        && getMessage() != null
        && IMMUTABLE.matcher(getMessage()).find();
  }
}
