package dev.cairn.secrets.sops;

import java.util.Locale;

/** Go's {@code strconv.ParseBool} and the spellings {@code strconv.ParseFloat} adds to Java's. */
final class GoParse {

  private GoParse() {}

  static boolean parseBool(String text) {
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw new NumberFormatException("not a Go boolean");
    };
  }

  static double parseFloat(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    boolean negative = lower.startsWith("-");
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    if (unsigned.isEmpty() || !Character.isDigit(unsigned.charAt(0)) && unsigned.charAt(0) != '.') {
      throw new NumberFormatException("not a Go float");
    }
    return Double.parseDouble(text.replace("_", ""));
  }
}
