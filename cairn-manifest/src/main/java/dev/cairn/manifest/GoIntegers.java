package dev.cairn.manifest;

import java.math.BigInteger;

/**
 * Integer literals as Go's {@code strconv.ParseInt(s, 0, ...)} reads them, without range limits.
 */
final class GoIntegers {

  private GoIntegers() {}

  /** The value, or null when {@code text} is not an integer literal. */
  static BigInteger parse(String text) {
    if (text.isEmpty()) {
      return null;
    }
    int index = 0;
    boolean negative = false;
    char sign = text.charAt(0);
    if (sign == '+' || sign == '-') {
      negative = sign == '-';
      index = 1;
    }
    String digits = text.substring(index);
    int radix = 10;
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      char prefix = Character.toLowerCase(digits.charAt(1));
      if (prefix == 'x') {
        radix = 16;
        digits = digits.substring(2);
      } else if (prefix == 'o') {
        radix = 8;
        digits = digits.substring(2);
      } else if (prefix == 'b') {
        radix = 2;
        digits = digits.substring(2);
      } else {
        radix = 8;
        digits = digits.substring(1);
      }
    }
    if (digits.isEmpty()) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0) {
        return null;
      }
    }
    BigInteger value = new BigInteger(digits, radix);
    return negative ? value.negate() : value;
  }
}
