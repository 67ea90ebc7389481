package dev.cairn.health;

/** Building the short messages checks return. */
final class Messages {

  private Messages() {}

  /** {@code text: detail}, or just {@code text} when there is no detail. */
  static String join(String text, String detail) {
    return detail == null || detail.isEmpty() ? text : text + ": " + detail;
  }
}
