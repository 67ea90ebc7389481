package dev.cairn.source;

import java.util.Objects;

/**
 * A source could not be fetched, verified or stored. The {@link #reason()} says what kind of
 * failure it is; the message says what was attempted and where. Messages never contain credentials:
 * causes coming from libraries are wrapped by {@link RedactedCause}, which scrubs the secret values
 * the fetcher knows about.
 */
public final class SourceException extends Exception {
  private final SourceReason reason;

  public SourceException(SourceReason reason, String message) {
    this(reason, message, null);
  }

  public SourceException(SourceReason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public SourceReason reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "SourceException[" + reason.conditionReason() + "]: " + getMessage();
  }
}
