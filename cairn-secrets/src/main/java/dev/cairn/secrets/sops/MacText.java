package dev.cairn.secrets.sops;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a value adds to the SOPS MAC, as SOPS's Go code turns a value into bytes: strings as
 * UTF-8, integers in decimal, floats as Go's {@code FormatFloat(f, 'f', -1, 64)}, booleans as
 * {@code True}/{@code False} (SOPS began in Python).
 */
final class MacText {

  private MacText() {}

  static byte[] of(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue().getBytes(StandardCharsets.UTF_8);
    }
    if (value.isBoolean()) {
      return (value.booleanValue() ? "True" : "False").getBytes(StandardCharsets.US_ASCII);
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString().getBytes(StandardCharsets.US_ASCII);
    }
    if (value.isNumber()) {
      return goFloat(value.doubleValue()).getBytes(StandardCharsets.US_ASCII);
    }
    throw new IllegalArgumentException("a " + value.getNodeType() + " value has no MAC bytes");
  }

  /**
   * Go's shortest plain decimal of a double. Java 17's {@code Double.toString} is not always the
   * shortest round-trip form (fixed in Java 19), so a rare float may print one digit longer.
   */
  static String goFloat(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0" : "0";
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
