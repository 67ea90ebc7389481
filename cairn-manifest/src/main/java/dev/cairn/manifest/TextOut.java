package dev.cairn.manifest;

/** An output buffer that knows its current column, which line folding depends on. */
final class TextOut {

  private final StringBuilder text;
  private int column;

  TextOut(int capacity) {
    this.text = new StringBuilder(capacity);
  }

  int column() {
    return column;
  }

  void write(int codePoint) {
    text.appendCodePoint(codePoint);
    column++;
  }

  void writeAscii(String ascii) {
    text.append(ascii);
    column += ascii.length();
  }

  void newline() {
    text.append('\n');
    column = 0;
  }

  /** Copies a line-break character: a newline as it is, the rare Unicode breaks verbatim. */
  void writeBreak(int codePoint) {
    if (codePoint == '\n') {
      newline();
    } else {
      text.appendCodePoint(codePoint);
      column = 0;
    }
  }

  /** Ends the current line unless a block scalar already ended it. */
  void endLine() {
    if (column > 0) {
      newline();
    }
  }

  void newlineAndIndent(int indent) {
    newline();
    indentTo(indent);
  }

  void indentTo(int indent) {
    if (column > indent) {
      newline();
    }
    while (column < indent) {
      text.append(' ');
      column++;
    }
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
