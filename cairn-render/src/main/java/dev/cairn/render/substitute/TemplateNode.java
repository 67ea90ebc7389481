package dev.cairn.render.substitute;

import java.util.List;

/** One piece of a parsed {@link ShellTemplate}: literal text or a {@code ${...}} expansion. */
sealed interface TemplateNode permits TemplateNode.Text, TemplateNode.Expansion {

  /** Literal text, with {@code $$} escapes already reduced to {@code $}. */
  record Text(String value) implements TemplateNode {}

  /**
   * A {@code ${variable<operator>args}} expansion.
   *
   * @param variable the variable name
   * @param operator what to do with the value
   * @param args the operator's arguments; each is a text or a nested expansion
   * @param offset where the expansion starts in the template, for error messages
   */
  record Expansion(String variable, Operator operator, List<TemplateNode> args, int offset)
      implements TemplateNode {}
}
