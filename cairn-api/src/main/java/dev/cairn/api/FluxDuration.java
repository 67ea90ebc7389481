package dev.cairn.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;

/**
 * Durations as Flux writes them in specs ({@code 10m}, {@code 1h30m}, {@code 0.5s}): the subset of
 * Go's {@code time.ParseDuration} that Flux's CRD patterns allow.
 */
public final class FluxDuration {

  /** Flux's pattern for intervals and most timeouts. */
  public static final String PATTERN = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

  /** Flux's pattern for source timeouts, which have no hour unit. */
  public static final String SOURCE_TIMEOUT_PATTERN = "^([0-9]+(\\.[0-9]+)?(ms|s|m))+$";

  private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile(PATTERN);
  private static final java.util.regex.Pattern PART =
      java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");

  private FluxDuration() {}

  /**
   * Parses a duration such as {@code 1h30m}.
   *
   * @throws IllegalArgumentException when {@code text} does not match {@link #PATTERN}
   */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "duration '" + text + "' should match " + PATTERN + " (for example 5m or 1h30m)");
    }
    Matcher part = PART.matcher(text);
    BigDecimal nanos = BigDecimal.ZERO;
    while (part.find()) {
      long unitNanos =
          switch (part.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(unitNanos)));
    }
    return Duration.ofNanos(nanos.longValue());
  }

  /**
   * Writes a duration as Go's {@code time.Duration.String()} does, as Flux's messages show it:
   * {@code 30s}, {@code 1m0s}, {@code 1h30m0s}, {@code 1.5s}, {@code 250ms}, {@code 0s}.
   */
  /** The duration, or null when {@code text} is absent or not a duration. */
  public static Duration parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      return decimal(BigDecimal.valueOf(duration.toNanos(), 6)) + "ms";
    }
    long hours = duration.toHours();
    long minutes = duration.toMinutesPart();
    String seconds =
        decimal(
            BigDecimal.valueOf(duration.toSecondsPart())
                .add(BigDecimal.valueOf(duration.toNanosPart(), 9)));
    StringBuilder out = new StringBuilder();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(seconds).append('s').toString();
  }

  private static String decimal(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }
}
