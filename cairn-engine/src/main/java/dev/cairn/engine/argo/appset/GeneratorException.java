package dev.cairn.engine.argo.appset;

/** A generator or template that cannot produce what it was asked for; the message names where. */
public final class GeneratorException extends RuntimeException {
  public GeneratorException(String message) {
    super(message);
  }

  public GeneratorException(String message, Throwable cause) {
    super(message, cause);
  }
}
