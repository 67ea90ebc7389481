package dev.cairn.render.substitute;

/**
 * A template that cannot be expanded: a malformed {@code ${...}} or, in strict mode, a variable
 * that is not set and has no default. Messages never carry variable values.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String variable;
  private final int line;

  private TemplateException(String problem, String variable, int line) {
    super(line > 0 ? "line " + line + ": " + problem : problem);
    this.problem = problem;
    this.variable = variable;
    this.line = line;
  }

  static TemplateException unset(String variable, int line) {
    return new TemplateException(
        "variable \"" + variable + "\" is not set and has no default", variable, line);
  }

  static TemplateException invalidName(String variable, String pattern) {
    return new TemplateException(
        "'" + variable + "' var name is invalid, must match '" + pattern + "'", variable, 0);
  }

  static TemplateException syntax(String problem, int line) {
    return new TemplateException(problem, null, line);
  }

  /** What is wrong, without the line. */
  public String problem() {
    return problem;
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
