package dev.cairn.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Gives an untagged plain scalar the type that kustomize gives it (go-yaml v3 decoding into plain
 * Go values): null, booleans (only true/false spellings), integers in any Go base, floats, and
 * timestamps, which become RFC 3339 strings as they do in kustomize's JSON round trip.
 */
final class ScalarResolver {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern YAML_FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");

  private ScalarResolver() {}

  /** Thrown for values that JSON, and so kustomize, cannot hold (infinities and NaN). */
  static final class UnsupportedValueException extends RuntimeException {
    UnsupportedValueException(String message) {
      super(message);
    }
  }

  static JsonNode resolvePlain(String text) {
    switch (text) {
      case "", "~", "null", "Null", "NULL":
        return NODES.nullNode();
      case "true", "True", "TRUE":
        return NODES.booleanNode(true);
      case "false", "False", "FALSE":
        return NODES.booleanNode(false);
      case ".inf",
      ".Inf",
      ".INF",
      "+.inf",
      "+.Inf",
      "+.INF",
      "-.inf",
      "-.Inf",
      "-.INF",
      ".nan",
      ".NaN",
      ".NAN":
        throw new UnsupportedValueException(
            "unsupported value " + text + ": JSON cannot represent infinities or NaN");
      default:
        break;
    }
    char first = text.charAt(0);
    if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
      return NODES.textNode(text);
    }
    String timestamp = Timestamps.toRfc3339(text);
    if (timestamp != null) {
      return NODES.textNode(timestamp);
    }
    if (first == '.' && !goUnderscores(text)) {
      // go-yaml parses a value starting with '.' as it is, where Go allows '_' only between digits.
      return NODES.textNode(text);
    }
    JsonNode number = number(text.replace("_", ""));
    return number != null ? number : NODES.textNode(text);
  }

  /** Whether a string written plain would be read back as something other than a string. */
  static boolean readsAsNonString(String text) {
    try {
      return !resolvePlain(text).isTextual() || Timestamps.toRfc3339(text) != null;
    } catch (UnsupportedValueException e) {
      return true;
    }
  }

  static JsonNode number(String plain) {
    BigInteger integer = GoIntegers.parse(plain);
    if (integer != null) {
      if (integer.bitLength() < 64) {
        return NODES.numberNode(integer.longValue());
      }
      if (integer.signum() > 0 && integer.compareTo(UINT64_MAX) <= 0) {
        return NODES.numberNode(integer);
      }
    }
    // Decimal integers too large for 64 bits match the float pattern and become floats; hex,
    // octal and binary ones do not, and stay strings, as in go-yaml.
    if (YAML_FLOAT.matcher(plain).matches()) {
      double value = Double.parseDouble(plain);
      // Go's ParseFloat fails on overflow, so go-yaml keeps such text as a string.
      return Double.isInfinite(value) ? null : NODES.numberNode(value);
    }
    return null;
  }

  private static boolean goUnderscores(String text) {
    for (int i = text.indexOf('_'); i >= 0; i = text.indexOf('_', i + 1)) {
      if (i == 0
          || i == text.length() - 1
          || !Character.isDigit(text.charAt(i - 1))
          || !Character.isDigit(text.charAt(i + 1))) {
        return false;
      }
    }
    return true;
  }
}
