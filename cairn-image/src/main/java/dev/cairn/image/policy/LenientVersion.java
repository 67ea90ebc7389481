package dev.cairn.image.policy;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as Masterminds/semver's {@code NewVersion} reads one: an optional {@code v}, one to
 * three numeric parts (missing ones are 0), an optional pre-release and build metadata. Ordered by
 * semantic-version precedence (build metadata ignored).
 */
public record LenientVersion(
    BigInteger major, BigInteger minor, BigInteger patch, String prerelease, String metadata)
    implements Comparable<LenientVersion> {
  private static final String IDENTIFIERS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
  private static final Pattern VERSION =
      Pattern.compile(
          "v?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:-("
              + IDENTIFIERS
              + "))?(?:\\+("
              + IDENTIFIERS
              + "))?");

  /** The version of {@code text}, or empty when it is not one. */
  public static Optional<LenientVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = VERSION.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new LenientVersion(
            number(m.group(1)),
            number(m.group(2)),
            number(m.group(3)),
            m.group(4) == null ? "" : m.group(4),
            m.group(5) == null ? "" : m.group(5)));
  }

  private static BigInteger number(String digits) {
    return digits == null ? BigInteger.ZERO : new BigInteger(digits);
  }

  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  @Override
  public int compareTo(LenientVersion other) {
    int c = major.compareTo(other.major);
    if (c == 0) {
      c = minor.compareTo(other.minor);
    }
    if (c == 0) {
      c = patch.compareTo(other.patch);
    }
    return c != 0 ? c : comparePrerelease(prerelease, other.prerelease);
  }

  /** SemVer 2.0 §11: a release is above its pre-releases; identifiers compare one by one. */
  static int comparePrerelease(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isEmpty()) {
      return 1;
    }
    if (b.isEmpty()) {
      return -1;
    }
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = compareIdentifier(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static int compareIdentifier(String a, String b) {
    boolean an = a.chars().allMatch(Character::isDigit);
    boolean bn = b.chars().allMatch(Character::isDigit);
    if (an && bn) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    if (an != bn) {
      return an ? -1 : 1;
    }
    return a.compareTo(b);
  }

  @Override
  public String toString() {
    return major
        + "."
        + minor
        + "."
        + patch
        + (prerelease.isEmpty() ? "" : "-" + prerelease)
        + (metadata.isEmpty() ? "" : "+" + metadata);
  }
}
