package dev.cairn.image.policy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic-version range with Masterminds/semver v3's rules, which Flux's ImagePolicy uses:
 * {@code ||} separates alternatives, commas or spaces join constraints that must all hold; {@code A
 * - B} means {@code >= A, <= B}; operators {@code = != > < >= <= ~ ~> ^}; {@code x}, {@code X} and
 * {@code *} (or missing parts) are wildcards ({@code 1.2.x}, {@code ~1}, {@code ^0.2}); and a
 * pre-release version satisfies a constraint only when that constraint's own version has a
 * pre-release, so {@code >=1.0.0} never picks {@code 1.1.0-rc.1} while {@code >=1.1.0-0} does.
 */
public final class SemverConstraint {
  private static final String PART = "[0-9xX*]+";
  private static final String CV =
      "v?("
          + PART
          + ")(\\."
          + PART
          + ")?(\\."
          + PART
          + ")?(-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?";
  private static final String OPS = "!=|>=|=>|<=|=<|~>|>|<|=|~|\\^|";
  private static final Pattern ONE = Pattern.compile("^\\s*(" + OPS + ")\\s*(" + CV + ")\\s*$");
  private static final Pattern FIND = Pattern.compile("(" + OPS + ")\\s*(" + CV + ")");
  private static final Pattern VALID =
      Pattern.compile(
          "^(\\s*(?:"
              + OPS
              + ")\\s*(?:"
              + CV
              + ")\\s*)((?:\\s+|,\\s*)(?:"
              + OPS
              + ")\\s*(?:"
              + CV
              + ")\\s*)*$");
  private static final Pattern HYPHEN =
      Pattern.compile("\\s*(" + grouping(CV) + ")\\s+-\\s+(" + grouping(CV) + ")\\s*");

  /** {@code regex} with every group non-capturing. */
  private static String grouping(String regex) {
    return regex.replace("(?:", "(").replace("(", "(?:");
  }

  private final String text;
  private final List<List<Single>> alternatives;

  private SemverConstraint(String text, List<List<Single>> alternatives) {
    this.text = text;
    this.alternatives = alternatives;
  }

  /**
   * Parses {@code range}.
   *
   * @throws IllegalArgumentException naming the part that does not parse
   */
  public static SemverConstraint parse(String range) {
    String rewritten = rewriteHyphens(range == null ? "" : range);
    List<List<Single>> alternatives = new ArrayList<>();
    for (String group : rewritten.split("\\|\\|", -1)) {
      if (!VALID.matcher(group).matches()) {
        throw new IllegalArgumentException("improper constraint: " + group.strip());
      }
      List<Single> all = new ArrayList<>();
      Matcher m = FIND.matcher(group);
      while (m.find()) {
        all.add(Single.parse(m.group()));
      }
      alternatives.add(all);
    }
    return new SemverConstraint(range, alternatives);
  }

  /** True when {@code version} satisfies every constraint of at least one alternative. */
  public boolean isSatisfiedBy(LenientVersion version) {
    for (List<Single> all : alternatives) {
      if (all.stream().allMatch(c -> c.check(version))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }

  private static String rewriteHyphens(String range) {
    Matcher m = HYPHEN.matcher(range);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(">= " + m.group(1) + ", <= " + m.group(2)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One operator and version; {@code dirty} when a part was a wildcard or missing. */
  private record Single(
      String op, LenientVersion con, boolean dirty, boolean minorDirty, boolean patchDirty) {

    static Single parse(String text) {
      Matcher m = ONE.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException("improper constraint: " + text);
      }
      String major = m.group(3);
      String minor = m.group(4) == null ? null : m.group(4).substring(1);
      String patch = m.group(5) == null ? null : m.group(5).substring(1);
      String pre = m.group(6) == null ? "" : m.group(6).substring(1);
      if (isX(major)) {
        return new Single(m.group(1), version("0", "0", "0", pre), true, false, false);
      }
      if (minor == null || isX(minor)) {
        return new Single(m.group(1), version(major, "0", "0", pre), true, true, false);
      }
      if (patch == null || isX(patch)) {
        return new Single(m.group(1), version(major, minor, "0", pre), true, false, true);
      }
      return new Single(m.group(1), version(major, minor, patch, pre), false, false, false);
    }

    private static LenientVersion version(String major, String minor, String patch, String pre) {
      try {
        return new LenientVersion(
            new BigInteger(major), new BigInteger(minor), new BigInteger(patch), pre, "");
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("improper constraint: " + major + "." + minor);
      }
    }

    private static boolean isX(String part) {
      return part == null || part.equals("x") || part.equals("X") || part.equals("*");
    }

    /** A pre-release only passes a constraint that names a pre-release itself. */
    private boolean excludedPrerelease(LenientVersion v) {
      return v.isPrerelease() && !con.isPrerelease();
    }

    boolean check(LenientVersion v) {
      if (!op.equals("!=") && excludedPrerelease(v)) {
        return false;
      }
      return switch (op) {
        case "", "=" -> dirty ? tilde(v) : v.compareTo(con) == 0;
        case "!=" -> notEqual(v);
        case ">" -> greater(v);
        case "<" -> v.compareTo(con) < 0;
        case ">=", "=>" -> v.compareTo(con) >= 0;
        case "<=", "=<" -> lessOrEqual(v);
        case "~", "~>" -> tilde(v);
        case "^" -> caret(v);
        default -> throw new IllegalStateException("operator " + op);
      };
    }

    private boolean notEqual(LenientVersion v) {
      if (dirty) {
        if (excludedPrerelease(v)) {
          return false;
        }
        if (!v.major().equals(con.major())) {
          return true;
        }
        if (minorDirty) {
          return false;
        }
        if (!v.minor().equals(con.minor())) {
          return true;
        }
        if (patchDirty) {
          return (v.isPrerelease() || con.isPrerelease())
              && LenientVersion.comparePrerelease(v.prerelease(), con.prerelease()) != 0;
        }
      }
      return v.compareTo(con) != 0;
    }

    private boolean greater(LenientVersion v) {
      if (!dirty) {
        return v.compareTo(con) > 0;
      }
      int major = v.major().compareTo(con.major());
      if (major != 0) {
        return major > 0;
      }
      if (minorDirty) {
        return false;
      }
      if (patchDirty) {
        return v.minor().compareTo(con.minor()) > 0;
      }
      return v.compareTo(con) > 0;
    }

    private boolean lessOrEqual(LenientVersion v) {
      if (!dirty) {
        return v.compareTo(con) <= 0;
      }
      int major = v.major().compareTo(con.major());
      if (major > 0) {
        return false;
      }
      return !(major == 0 && v.minor().compareTo(con.minor()) > 0 && !minorDirty);
    }

    private boolean tilde(LenientVersion v) {
      if (v.compareTo(con) < 0) {
        return false;
      }
      boolean zero =
          con.major().signum() == 0 && con.minor().signum() == 0 && con.patch().signum() == 0;
      if (zero && !minorDirty && !patchDirty) {
        return true;
      }
      if (!v.major().equals(con.major())) {
        return false;
      }
      return minorDirty || v.minor().equals(con.minor());
    }

    private boolean caret(LenientVersion v) {
      if (v.compareTo(con) < 0) {
        return false;
      }
      if (con.major().signum() > 0 || minorDirty) {
        return v.major().equals(con.major());
      }
      if (v.major().signum() > 0) {
        return false;
      }
      if (con.minor().signum() > 0 || patchDirty) {
        return v.minor().equals(con.minor());
      }
      if (v.minor().signum() > 0) {
        return false;
      }
      return v.patch().equals(con.patch());
    }
  }
}
