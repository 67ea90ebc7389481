package dev.cairn.manifest;

/**
 * Writes one string scalar in the style kustomize's emitter picks for it (plain, single-quoted,
 * double-quoted or literal block), folding long lines at the same places.
 */
final class ScalarWriter {

  private static final int BEST_WIDTH = 80;
  private static final int BEST_INDENT = 2;

  private final TextOut out;

  ScalarWriter(TextOut out) {
    this.out = out;
  }

  /**
   * @param indent the indent of continuation lines and block content
   * @param key whether the scalar is a mapping key (no line folding, no block styles)
   */
  void write(String original, int indent, boolean key) {
    String text = NextLineFolding.fold(original);
    boolean resolvesAsString = !PlainScalars.readsAsNonString(text);
    ScalarAnalysis analysis = ScalarAnalysis.of(text);
    if (text.indexOf('\n') >= 0) {
      if (key || !analysis.blockAllowed()) {
        writeDoubleQuoted(text, indent, !key);
      } else {
        writeLiteral(text, indent);
      }
    } else if (!resolvesAsString) {
      writeDoubleQuoted(text, indent, !key);
    } else if (key && analysis.multiline()) {
      writeDoubleQuoted(text, indent, false);
    } else if (analysis.plainAllowed() && !text.isEmpty()) {
      writePlain(text, indent, !key);
    } else if (analysis.singleQuotedAllowed()) {
      writeSingleQuoted(text, indent, !key);
    } else {
      writeDoubleQuoted(text, indent, !key);
    }
  }

  private void writePlain(String text, int indent, boolean allowBreaks) {
    int length = text.length();
    boolean spaces = false;
    for (int i = 0; i < length; ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (c == ' ') {
        boolean nextIsSpace = next < length && text.charAt(next) == ' ';
        if (allowBreaks && !spaces && out.column() > BEST_WIDTH && !nextIsSpace) {
          out.newlineAndIndent(indent);
        } else {
          out.write(c);
        }
        spaces = true;
      } else {
        out.write(c);
        spaces = false;
      }
      i = next;
    }
  }

  private void writeSingleQuoted(String text, int indent, boolean allowBreaks) {
    int length = text.length();
    out.write('\'');
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < length; ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (c == ' ') {
        boolean nextIsSpace = next < length && text.charAt(next) == ' ';
        if (allowBreaks
            && !spaces
            && out.column() > BEST_WIDTH
            && i != 0
            && next < length
            && !nextIsSpace) {
          out.newlineAndIndent(indent);
        } else {
          out.write(c);
        }
        spaces = true;
      } else if (ScalarAnalysis.isBreak(c)) {
        if (!breaks && c == '\n') {
          out.newline();
        }
        out.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) {
          out.indentTo(indent);
        }
        out.write(c);
        if (c == '\'') {
          out.write('\'');
        }
        spaces = false;
        breaks = false;
      }
      i = next;
    }
    out.write('\'');
  }

  private void writeDoubleQuoted(String text, int indent, boolean allowBreaks) {
    int length = text.length();
    out.write('"');
    // The emitter's byte-order-mark test looks at the start of the string, not at the current
    // character, so a string that starts with U+FEFF has every character escaped.
    boolean escapeAll = length > 0 && text.charAt(0) == 0xFEFF;
    boolean spaces = false;
    for (int i = 0; i < length; ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (escapeAll
          || !ScalarAnalysis.isPrintable(c)
          || c == 0xFEFF
          || ScalarAnalysis.isBreak(c)
          || c == '"'
          || c == '\\') {
        out.writeAscii(escape(c));
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && out.column() > BEST_WIDTH && i != 0 && next < length) {
          out.newlineAndIndent(indent);
          if (next < length && text.charAt(next) == ' ') {
            out.write('\\');
          }
        } else {
          out.write(c);
        }
        spaces = true;
      } else {
        out.write(c);
        spaces = false;
      }
      i = next;
    }
    out.write('"');
  }

  private static String escape(int c) {
    return switch (c) {
      case 0 -> "\\0";
      case 0x07 -> "\\a";
      case 0x08 -> "\\b";
      case 0x09 -> "\\t";
      case 0x0A -> "\\n";
      case 0x0B -> "\\v";
      case 0x0C -> "\\f";
      case 0x0D -> "\\r";
      case 0x1B -> "\\e";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case 0x85 -> "\\N";
      case 0xA0 -> "\\_";
      case 0x2028 -> "\\L";
      case 0x2029 -> "\\P";
      default ->
          c <= 0xFF
              ? String.format("\\x%02X", c)
              : c <= 0xFFFF ? String.format("\\u%04X", c) : String.format("\\U%08X", c);
    };
  }

  private void writeLiteral(String text, int indent) {
    out.writeAscii("|");
    int first = text.codePointAt(0);
    if (first == ' ' || ScalarAnalysis.isBreak(first)) {
      out.writeAscii(Integer.toString(BEST_INDENT));
    }
    out.writeAscii(chompingIndicator(text));
    out.newline();
    boolean breaks = true;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (ScalarAnalysis.isBreak(c)) {
        out.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) {
          out.indentTo(indent);
          breaks = false;
        }
        out.write(c);
      }
    }
  }

  private static String chompingIndicator(String text) {
    int length = text.length();
    if (!ScalarAnalysis.isBreak(text.charAt(length - 1))) {
      return "-";
    }
    if (length == 1 || ScalarAnalysis.isBreak(text.charAt(length - 2))) {
      return "+";
    }
    return "";
  }
}
