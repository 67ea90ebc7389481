package dev.cairn.render.substitute;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The shell patterns of {@code ${var#pattern}} and {@code ${var%pattern}}: {@code *} matches any
 * text (slashes included, as in Flux's envsubst), {@code ?} one character, {@code [a-z]} and {@code
 * [^a-z]} a class, {@code \x} the character x.
 */
final class GlobPattern {
  private final Pattern regex;

  private GlobPattern(Pattern regex) {
    this.regex = regex;
  }

  /** The compiled pattern, or null when it is malformed (envsubst then leaves the value alone). */
  static GlobPattern compile(String glob) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> out.append(".*");
        case '?' -> out.append('.');
        case '\\' -> {
          if (i + 1 >= glob.length()) {
            return null;
          }
          i++;
          out.append(Pattern.quote(String.valueOf(glob.charAt(i))));
        }
        case '[' -> {
          int end = classEnd(glob, i);
          if (end < 0) {
            return null;
          }
          out.append(characterClass(glob.substring(i + 1, end)));
          i = end;
        }
        default -> out.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    try {
      return new GlobPattern(Pattern.compile(out.toString(), Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  boolean matches(String text) {
    return regex.matcher(text).matches();
  }

  private static int classEnd(String glob, int open) {
    int i = open + 1;
    if (i < glob.length() && glob.charAt(i) == '^') {
      i++;
    }
    boolean first = true;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == ']' && !first) {
        return i;
      }
      if (c == '\\') {
        i++;
      }
      first = false;
      i++;
    }
    return -1;
  }

  private static String characterClass(String body) {
    StringBuilder out = new StringBuilder("[");
    int i = 0;
    if (body.startsWith("^")) {
      out.append('^');
      i = 1;
    }
    for (; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        i++;
        out.append('\\').append(body.charAt(i));
      } else if (c == '-') {
        out.append('-');
      } else if (Character.isLetterOrDigit(c)) {
        out.append(c);
      } else {
        out.append('\\').append(c);
      }
    }
    return out.append(']').toString();
  }
}
