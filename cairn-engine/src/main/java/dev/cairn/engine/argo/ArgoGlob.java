package dev.cairn.engine.argo;

import java.util.regex.Pattern;

/**
 * Argo CD's glob patterns (gobwas/glob without separators): {@code *} matches any text, {@code ?}
 * one character, {@code [abc]} a class, {@code {a,b}} alternatives.
 */
final class ArgoGlob {
  private ArgoGlob() {}

  static boolean matches(String pattern, String value) {
    if (pattern == null) {
      return false;
    }
    String text = value == null ? "" : value;
    if (pattern.equals(text) || "*".equals(pattern)) {
      return true;
    }
    return Pattern.compile(regex(pattern)).matcher(text).matches();
  }

  private static String regex(String glob) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> out.append(".*");
        case '?' -> out.append('.');
        case '[' -> {
          int end = glob.indexOf(']', i);
          if (end < 0) {
            out.append("\\[");
          } else {
            out.append('[').append(glob, i + 1, end).append(']');
            i = end;
          }
        }
        case '{' -> {
          depth++;
          out.append("(?:");
        }
        case '}' -> {
          if (depth > 0) {
            depth--;
            out.append(')');
          } else {
            out.append("\\}");
          }
        }
        case ',' -> out.append(depth > 0 ? "|" : ",");
        case '\\' -> {
          if (i + 1 < glob.length()) {
            out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
