package dev.cairn.manifest;

/**
 * Kustomize prints objects by encoding them as JSON and reading that JSON back as YAML. JSON keeps
 * the next-line character (U+0085) raw inside its quoted strings, and YAML reads it there as a line
 * break and folds it: one break (with the spaces around it) becomes a space, n breaks become n-1
 * newlines. The writer applies the same folding so that its text matches.
 */
final class NextLineFolding {

  static final char NEXT_LINE = '\u0085';

  private NextLineFolding() {}

  static String fold(String text) {
    if (text.indexOf(NEXT_LINE) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != ' ' && c != NEXT_LINE) {
        out.append(c);
        i++;
        continue;
      }
      int end = i;
      int breaks = 0;
      while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == NEXT_LINE)) {
        breaks += text.charAt(end) == NEXT_LINE ? 1 : 0;
        end++;
      }
      if (breaks == 0) {
        out.append(text, i, end);
      } else if (breaks == 1) {
        out.append(' ');
      } else {
        out.append("\n".repeat(breaks - 1));
      }
      i = end;
    }
    return out.toString();
  }
}
