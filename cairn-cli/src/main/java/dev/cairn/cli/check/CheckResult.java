package dev.cairn.cli.check;

/**
 * One line of {@code cairn check}.
 *
 * @param passed whether the check passed
 * @param message what was found, worded for the user
 */
public record CheckResult(boolean passed, String message) {

  public static CheckResult pass(String message) {
    return new CheckResult(true, message);
  }

  public static CheckResult fail(String message) {
    return new CheckResult(false, message);
  }

  /** {@code ✔ message} or {@code ✗ message}. */
  public String line() {
    return (passed ? "✔ " : "✗ ") + message;
  }
}
