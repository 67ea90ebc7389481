package dev.cairn.notify.provider;

/**
 * A provider call that did not succeed. {@link #retryable()} says whether trying again may help
 * (network trouble, HTTP 5xx or 429) or not (bad settings, HTTP 4xx). Messages never carry a
 * secret.
 */
public final class NotifyException extends Exception {
  private final boolean retryable;

  public NotifyException(String message, boolean retryable) {
    super(message, null, false, false);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
