package dev.cairn.engine.argo.appset;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The two ways Argo CD's git generator matches paths. Directories: Go's {@code path.Match} ({@code
 * *} and {@code ?} stay within one path segment, {@code [a-z]} and {@code [^a-z]} classes, {@code
 * \} escapes). Files: Git's default pathspec matching, which Argo CD uses by default ({@code *}
 * crosses {@code /}, so {@code apps/*.yaml} finds YAML files at any depth below {@code apps}).
 */
final class PathGlob {
  private final Pattern regex;

  private PathGlob(Pattern regex) {
    this.regex = regex;
  }

  /** Go's {@code path.Match} rules. */
  static PathGlob directory(String glob) {
    return new PathGlob(compile(glob, "[^/]*", "[^/]"));
  }

  /** Git pathspec rules: wildcards cross directory separators. */
  static PathGlob file(String glob) {
    return new PathGlob(compile(glob, ".*", "."));
  }

  boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  private static Pattern compile(String glob, String star, String any) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> out.append(star);
        case '?' -> out.append(any);
        case '\\' -> {
          if (++i >= glob.length()) {
            throw bad(glob);
          }
          out.append(Pattern.quote(String.valueOf(glob.charAt(i))));
        }
        case '[' -> i = charClass(glob, i, out);
        default -> out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    try {
      return Pattern.compile(out.toString());
    } catch (PatternSyntaxException e) {
      throw bad(glob);
    }
  }

  private static int charClass(String glob, int start, StringBuilder out) {
    int end = glob.indexOf(']', start + 1);
    if (end < 0) {
      throw bad(glob);
    }
    String body = glob.substring(start + 1, end);
    out.append('[');
    if (body.startsWith("^")) {
      out.append('^');
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      throw bad(glob);
    }
    for (char c : body.toCharArray()) {
      out.append(c == '-' || Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
    }
    out.append(']');
    return end;
  }

  private static GeneratorException bad(String glob) {
    return new GeneratorException("path pattern '" + glob + "' is malformed");
  }
}
