package dev.cairn.notify.receiver;

/**
 * What a webhook call gets: the HTTP status Flux answers with, a message safe to log (never the
 * token or a signature), and whether the Receiver's resources are to be reconciled.
 */
public record Verdict(int status, String message, boolean reconcile) {
  public static Verdict accepted(String message) {
    return new Verdict(200, message, true);
  }

  /** A valid call that asks for nothing (a GitHub ping). */
  public static Verdict answered(String message) {
    return new Verdict(200, message, false);
  }

  public static Verdict rejected(int status, String message) {
    return new Verdict(status, message, false);
  }
}
