package dev.cairn.render.substitute;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The operators of a {@code ${...}} expansion, with the behaviour of Flux's envsubst (a fork of
 * drone/envsubst): the default forms all mean "the value, or the default when the value is empty";
 * {@code ${var:?x}} and {@code ${var:+x}} are parsed and behave the same way.
 */
enum Operator {
  VALUE(""),
  LENGTH("#"),
  UPPER_FIRST("^"),
  UPPER_ALL("^^"),
  LOWER_FIRST(","),
  LOWER_ALL(",,"),
  /** A casing spelling envsubst accepts but does not know ({@code ,^}, {@code ^,}): no change. */
  CASE_UNKNOWN("?case"),
  SUBSTRING(":"),
  TRIM_SHORTEST_PREFIX("#"),
  TRIM_LONGEST_PREFIX("##"),
  TRIM_SHORTEST_SUFFIX("%"),
  TRIM_LONGEST_SUFFIX("%%"),
  REPLACE_FIRST("/"),
  REPLACE_ALL("//"),
  REPLACE_PREFIX("/#"),
  REPLACE_SUFFIX("/%"),
  DEFAULT_ASSIGN("="),
  DEFAULT_ASSIGN_EMPTY(":="),
  DEFAULT_EMPTY(":-"),
  DEFAULT_ERROR(":?"),
  DEFAULT_ALTERNATE(":+");

  private final String spelling;

  Operator(String spelling) {
    this.spelling = spelling;
  }

  String spelling() {
    return spelling;
  }

  /** Operators that supply their own value when the variable is unset; strict mode allows them. */
  boolean toleratesUnset() {
    return switch (this) {
      case DEFAULT_ASSIGN, DEFAULT_ASSIGN_EMPTY, DEFAULT_EMPTY, DEFAULT_ERROR, DEFAULT_ALTERNATE ->
          true;
      default -> false;
    };
  }

  static Operator casing(String spelling) {
    return switch (spelling) {
      case "^" -> UPPER_FIRST;
      case "^^" -> UPPER_ALL;
      case "," -> LOWER_FIRST;
      case ",," -> LOWER_ALL;
      default -> CASE_UNKNOWN;
    };
  }

  static Operator defaulting(String spelling) {
    return switch (spelling) {
      case "=" -> DEFAULT_ASSIGN;
      case ":=" -> DEFAULT_ASSIGN_EMPTY;
      case ":-" -> DEFAULT_EMPTY;
      case ":?" -> DEFAULT_ERROR;
      default -> DEFAULT_ALTERNATE;
    };
  }

  /** Applies the operator to {@code value} with the evaluated {@code args}. */
  String apply(String value, List<String> args) {
    return switch (this) {
      case VALUE, CASE_UNKNOWN -> value;
      case LENGTH -> Integer.toString(value.getBytes(StandardCharsets.UTF_8).length);
      case UPPER_FIRST -> value.isEmpty() ? value : firstTo(value, true);
      case UPPER_ALL -> value.toUpperCase(Locale.ROOT);
      case LOWER_FIRST -> value.isEmpty() ? value : firstTo(value, false);
      case LOWER_ALL -> value.toLowerCase(Locale.ROOT);
      case SUBSTRING -> substring(value, args);
      case TRIM_SHORTEST_PREFIX -> args.isEmpty() ? value : trimPrefix(value, args.get(0), false);
      case TRIM_LONGEST_PREFIX -> args.isEmpty() ? value : trimPrefix(value, args.get(0), true);
      case TRIM_SHORTEST_SUFFIX -> args.isEmpty() ? value : trimSuffix(value, args.get(0), false);
      case TRIM_LONGEST_SUFFIX -> args.isEmpty() ? value : trimSuffix(value, args.get(0), true);
      case REPLACE_FIRST -> replace(value, args, false);
      case REPLACE_ALL -> replace(value, args, true);
      case REPLACE_PREFIX ->
          args.size() == 2 && value.startsWith(args.get(0))
              ? args.get(1) + value.substring(args.get(0).length())
              : value;
      case REPLACE_SUFFIX ->
          args.size() == 2 && value.endsWith(args.get(0))
              ? value.substring(0, value.length() - args.get(0).length()) + args.get(1)
              : value;
      case DEFAULT_ASSIGN, DEFAULT_ASSIGN_EMPTY, DEFAULT_EMPTY, DEFAULT_ERROR, DEFAULT_ALTERNATE ->
          value.isEmpty() && !args.isEmpty() ? String.join("", args) : value;
    };
  }

  private static String firstTo(String value, boolean upper) {
    int first = value.codePointAt(0);
    int changed = upper ? Character.toUpperCase(first) : Character.toLowerCase(first);
    return new StringBuilder()
        .appendCodePoint(changed)
        .append(value, Character.charCount(first), value.length())
        .toString();
  }

  // Like bash (and envsubst): an unparsable position or length returns the value unchanged.
  private static String substring(String value, List<String> args) {
    if (args.isEmpty()) {
      return value;
    }
    int pos;
    try {
      pos = Integer.parseInt(args.get(0));
    } catch (NumberFormatException e) {
      return value;
    }
    if (pos < 0) {
      pos = Math.max(0, value.length() + pos);
    }
    if (args.size() == 1) {
      return pos < value.length() ? value.substring(pos) : "";
    }
    int length;
    try {
      length = Integer.parseInt(args.get(1));
    } catch (NumberFormatException e) {
      return value;
    }
    if (pos + length >= value.length()) {
      return pos < value.length() ? value.substring(pos) : "";
    }
    return length < 0 ? value : value.substring(pos, pos + length);
  }

  private static String replace(String value, List<String> args, boolean all) {
    if (args.isEmpty()) {
      return value;
    }
    String replacement = args.size() > 1 ? args.get(1) : "";
    if (all) {
      return value.replace(args.get(0), replacement);
    }
    int at = value.indexOf(args.get(0));
    return at < 0
        ? value
        : value.substring(0, at) + replacement + value.substring(at + args.get(0).length());
  }

  private static String trimPrefix(String value, String pattern, boolean longest) {
    GlobPattern glob = GlobPattern.compile(pattern);
    if (glob == null) {
      return value;
    }
    String match = null;
    // Candidate prefixes from the whole value down to one character, as envsubst tries them.
    for (int end = value.length(); end > 0; end--) {
      if (glob.matches(value.substring(0, end))) {
        match = value.substring(0, end);
        if (longest) {
          break;
        }
      }
    }
    return match == null ? value : value.substring(match.length());
  }

  // envsubst trims a suffix by reversing both the value and the pattern.
  private static String trimSuffix(String value, String pattern, boolean longest) {
    String reversed = new StringBuilder(value).reverse().toString();
    String reversedPattern = new StringBuilder(pattern).reverse().toString();
    return new StringBuilder(trimPrefix(reversed, reversedPattern, longest)).reverse().toString();
  }
}
