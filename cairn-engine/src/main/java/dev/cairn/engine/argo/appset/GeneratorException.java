package dev.cairn.engine.argo.appset;

/**
 * A generator or template that cannot produce what it was asked for; the message names where.
 * {@link #retryable()} when the cause is outside the set (a repository that cannot be read), so the
 * run retries instead of waiting for the set to change.
 */
public final class GeneratorException extends RuntimeException {
  private final boolean retryable;

  public GeneratorException(String message) {
    super(message);
    this.retryable = false;
  }

  public GeneratorException(String message, Throwable cause) {
    super(message, cause);
    this.retryable = true;
  }

  public boolean retryable() {
    return retryable;
  }
}
