package dev.cairn.manifest;

/**
 * Which YAML styles can carry a string unchanged, decided the way the libyaml-derived emitter used
 * by kustomize decides: indicators, leading and trailing white space, line breaks and characters
 * that only a double-quoted scalar can hold.
 */
record ScalarAnalysis(
    boolean multiline, boolean plainAllowed, boolean singleQuotedAllowed, boolean blockAllowed) {

  private static final ScalarAnalysis EMPTY = new ScalarAnalysis(false, true, true, false);

  static ScalarAnalysis of(String text) {
    int length = text.length();
    if (length == 0) {
      return EMPTY;
    }
    boolean blockIndicators = text.startsWith("---") || text.startsWith("...");
    boolean lineBreaks = false;
    boolean specialCharacters = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean previousSpace = false;
    boolean previousBreak = false;
    boolean precededByWhitespace = true;
    for (int i = 0; i < length; ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      boolean first = i == 0;
      boolean last = next >= length;
      boolean followedByWhitespace = last || isBlankOrBreak(text.codePointAt(next));
      if (first) {
        if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
          blockIndicators = true;
        }
        if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) {
          blockIndicators = true;
        }
      } else {
        if (c == ':' && followedByWhitespace) {
          blockIndicators = true;
        }
        if (c == '#' && precededByWhitespace) {
          blockIndicators = true;
        }
      }
      if (!isPrintable(c)) {
        specialCharacters = true;
      }
      if (c == ' ') {
        leadingSpace |= first;
        trailingSpace |= last;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        leadingBreak |= first;
        trailingBreak |= last;
        spaceBreak |= previousSpace;
        previousBreak = true;
        previousSpace = false;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlankOrBreak(c);
      i = next;
    }
    boolean plain = true;
    boolean single = true;
    boolean block = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      plain = false;
    }
    if (trailingSpace) {
      block = false;
    }
    if (breakSpace) {
      plain = false;
      single = false;
    }
    if (spaceBreak || specialCharacters) {
      plain = false;
      single = false;
      block = false;
    }
    if (lineBreaks || blockIndicators) {
      plain = false;
    }
    return new ScalarAnalysis(lineBreaks, plain, single, block);
  }

  static boolean isPrintable(int c) {
    return c == 0x0A
        || (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  static boolean isBlankOrBreak(int c) {
    return c == ' ' || c == '\t' || isBreak(c) || c == 0;
  }
}
