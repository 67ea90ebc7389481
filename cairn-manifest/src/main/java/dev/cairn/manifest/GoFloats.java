package dev.cairn.manifest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Floating-point numbers as kustomize prints them after its JSON round trip: integral values that
 * fit 64 bits print as integers; the rest as Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}.
 */
final class GoFloats {

  private static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal UINT64_MAX = new BigDecimal("18446744073709551615");

  private GoFloats() {}

  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value > 0 ? ".inf" : value < 0 ? "-.inf" : ".nan";
    }
    BigDecimal shortest = shortest(value);
    if (value == Math.rint(value)) {
      BigDecimal integral = shortest.setScale(0);
      if (integral.compareTo(INT64_MIN) >= 0 && integral.compareTo(UINT64_MAX) <= 0) {
        BigInteger asInteger = integral.toBigIntegerExact();
        return asInteger.toString();
      }
    }
    return shortestG(shortest.stripTrailingZeros());
  }

  /**
   * The decimal with the fewest digits that reads back as {@code value}, as Go finds it. Java 17's
   * {@code Double.toString} is not always shortest (4.9E-324 for Go's 5e-324), so fewer digits are
   * tried; manifests hold few floats, so the cost does not matter.
   */
  private static BigDecimal shortest(double value) {
    BigDecimal candidate = new BigDecimal(Double.toString(value));
    int digits = candidate.stripTrailingZeros().precision();
    if (digits <= 1) {
      return candidate;
    }
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision < digits; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == value) {
        return rounded;
      }
    }
    return candidate;
  }

  private static String shortestG(BigDecimal value) {
    boolean negative = value.signum() < 0;
    String digits = value.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - value.scale();
    StringBuilder out = new StringBuilder();
    if (negative) {
      out.append('-');
    }
    if (exponent < -4 || exponent >= 6) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) {
        out.append('0');
      }
      out.append(abs);
    } else if (exponent < 0) {
      out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
    } else if (digits.length() <= exponent + 1) {
      out.append(digits).append("0".repeat(exponent + 1 - digits.length()));
    } else {
      out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
    }
    return out.toString();
  }
}
