package dev.cairn.render.substitute;

/**
 * A template that cannot be expanded: a malformed {@code ${...}} or, in strict mode, a variable
 * that is not set and has no default. Messages never carry variable values.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String variable;
  private final int line;

  private TemplateException(String message, String variable, int line) {
    super(message);
    this.variable = variable;
    this.line = line;
  }

  static TemplateException unset(String variable, int line) {
    return new TemplateException(
        "line " + line + ": variable \"" + variable + "\" is not set and has no default",
        variable,
        line);
  }

  static TemplateException invalidName(String variable, String pattern) {
    return new TemplateException(
        "'" + variable + "' var name is invalid, must match '" + pattern + "'", variable, 0);
  }

  static TemplateException syntax(String problem, int line) {
    return new TemplateException("line " + line + ": " + problem, null, line);
  }

  /** The unset or invalid variable, or null for a syntax error. */
  public String variable() {
    return variable;
  }

  /** The 1-based line of the template the problem is on, or 0 when it concerns no line. */
  public int line() {
    return line;
  }
}
