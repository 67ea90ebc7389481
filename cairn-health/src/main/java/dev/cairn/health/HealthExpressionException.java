package dev.cairn.health;

/**
 * A CEL health expression that does not compile. The message names the kind, which of the three
 * expressions, the line and column (1-based) and the expression itself.
 */
public final class HealthExpressionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String expression;
  private final int line;
  private final int column;

  public HealthExpressionException(String message, String expression, int line, int column) {
    super(message);
    this.expression = expression;
    this.line = line;
    this.column = column;
  }

  public String expression() {
    return expression;
  }

  /** 1-based line of the first error, or 0 if unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the first error, or 0 if unknown. */
  public int column() {
    return column;
  }
}
