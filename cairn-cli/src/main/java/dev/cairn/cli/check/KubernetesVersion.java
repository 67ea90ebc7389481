package dev.cairn.cli.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes server version, as {@code /version} reports it ({@code major: "1", minor: "31"};
 * providers append to the minor, as {@code "29+"}).
 *
 * <p>The oldest version Cairn supports is {@value #MINIMUM_TEXT}: its CRDs carry CEL validation
 * rules ({@code x-kubernetes-validations}), which are generally available (enforced on every API
 * server, not behind a beta feature gate) from Kubernetes 1.29 on; everything else it uses
 * (server-side apply, {@code policy/v1}, Pod Security admission labels) is older.
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {
  public static final String MINIMUM_TEXT = "1.29";
  public static final KubernetesVersion MINIMUM = new KubernetesVersion(1, 29);

  private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d+)");

  /** Reads {@code major} and {@code minor} of {@code /version}; empty parts are errors. */
  public static KubernetesVersion parse(String major, String minor) {
    return new KubernetesVersion(number(major, "major"), number(minor, "minor"));
  }

  private static int number(String text, String what) {
    Matcher m = LEADING_NUMBER.matcher(text == null ? "" : text);
    if (!m.find()) {
      throw new IllegalArgumentException(
          "the API server reports no " + what + " version ('" + text + "')");
    }
    return Integer.parseInt(m.group(1));
  }

  public boolean supported() {
    return compareTo(MINIMUM) >= 0;
  }

  @Override
  public int compareTo(KubernetesVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
