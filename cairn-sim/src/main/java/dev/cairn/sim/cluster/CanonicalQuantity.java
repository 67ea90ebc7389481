package dev.cairn.sim.cluster;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource quantity ({@code 500m}, {@code 1Gi}, {@code 0.5}) in the canonical form the API server
 * stores, after {@code staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go} ({@code
 * ParseQuantity}, {@code CanonicalizeBytes}, {@code int64Amount.AsCanonicalBytes}): the suffix
 * family of the input is kept (decimal SI, binary SI, decimal exponent); decimal values get the
 * largest exponent that is a multiple of 3 and leaves an integer mantissa ({@code 0.5} → {@code
 * 500m}, {@code 1000} → {@code 1k}, {@code 1500} stays); binary values are divided by 1024 while
 * that stays whole ({@code 1024Mi} → {@code 1Gi}), and fall back to decimal SI when they are
 * fractional or smaller than 1024. Values are rounded up to nano units, as the server does, or to
 * milli units for the values of a resource list ({@code SetDefaults_ResourceList} in
 * pkg/apis/core/v1/defaults.go rounds those up to milli scale).
 */
final class CanonicalQuantity {
  static final String REGEX = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

  private static final Pattern SYNTAX = Pattern.compile(REGEX);
  private static final Map<String, Integer> DECIMAL =
      Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
  private static final Map<String, Integer> BINARY =
      Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
  private static final String[] DECIMAL_SUFFIX = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
  private static final String[] BINARY_SUFFIX = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigDecimal KI = BigDecimal.valueOf(1024);

  /**
   * Canonical spellings already worked out, by rounding (9 or 3 decimals) and input: a cluster's
   * quantities come from few distinct spellings, and the BigDecimal arithmetic would otherwise run
   * on every write of every pod template. Bounded; only valid quantities are kept.
   */
  private static final int REMEMBERED = 4096;

  private static final Map<Integer, Map<String, String>> CANONICAL =
      Map.of(9, new ConcurrentHashMap<>(), 3, new ConcurrentHashMap<>());

  private enum Format {
    DECIMAL_SI,
    BINARY_SI,
    DECIMAL_EXPONENT
  }

  private CanonicalQuantity() {}

  /** The canonical spelling of {@code text}; throws IllegalArgumentException if not a quantity. */
  static String of(String text) {
    return of(text, 9);
  }

  /** The canonical spelling of a value of a resource list (requests, limits, hard, ...). */
  static String ofResourceList(String text) {
    return of(text, 3);
  }

  private static String of(String text, int decimals) {
    Map<String, String> known = CANONICAL.get(decimals);
    String canonical = known.get(text);
    if (canonical == null) {
      canonical = compute(text, decimals);
      if (known.size() >= REMEMBERED) {
        known.clear();
      }
      known.put(text, canonical);
    }
    return canonical;
  }

  private static String compute(String text, int decimals) {
    Matcher m = SYNTAX.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "quantities must match the regular expression '" + REGEX + "'");
    }
    BigDecimal number;
    try {
      number = new BigDecimal(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unable to parse quantity's number", e);
    }
    String suffix = m.group(2);
    Format format;
    BigDecimal value;
    if (DECIMAL.containsKey(suffix)) {
      format = Format.DECIMAL_SI;
      value = number.scaleByPowerOfTen(DECIMAL.get(suffix));
    } else if (BINARY.containsKey(suffix)) {
      format = Format.BINARY_SI;
      value = number.multiply(new BigDecimal(BigInteger.TWO.pow(BINARY.get(suffix))));
    } else if (suffix.matches("[eE][-+]?[0-9]+")) {
      format = Format.DECIMAL_EXPONENT;
      value = number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
    } else {
      throw new IllegalArgumentException("unable to parse quantity's suffix");
    }
    value = value.setScale(decimals, RoundingMode.UP);
    if (value.signum() == 0) {
      return "0";
    }
    if (format == Format.BINARY_SI
        && value.abs().compareTo(KI) >= 0
        && value.stripTrailingZeros().scale() <= 0) {
      return binary(value.toBigIntegerExact());
    }
    return decimal(value, format == Format.DECIMAL_EXPONENT);
  }

  private static String binary(BigInteger bytes) {
    BigInteger amount = bytes;
    int index = 0;
    BigInteger k = BigInteger.valueOf(1024);
    while (index < BINARY_SUFFIX.length - 1 && amount.mod(k).signum() == 0) {
      amount = amount.divide(k);
      index++;
    }
    return amount + BINARY_SUFFIX[index];
  }

  private static String decimal(BigDecimal value, boolean exponentForm) {
    BigDecimal stripped = value.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    int exponent = -stripped.scale();
    int down = Math.floorMod(exponent, 3);
    mantissa = mantissa.multiply(BigInteger.TEN.pow(down));
    exponent -= down;
    if (exponentForm) {
      return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }
    while (exponent > 18) {
      mantissa = mantissa.multiply(BigInteger.valueOf(1000));
      exponent -= 3;
    }
    return mantissa + DECIMAL_SUFFIX[exponent / 3 + 3];
  }
}
