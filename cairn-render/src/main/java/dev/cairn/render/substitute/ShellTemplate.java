package dev.cairn.render.substitute;

import dev.cairn.render.substitute.TemplateNode.Expansion;
import dev.cairn.render.substitute.TemplateNode.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text with bash-style {@code ${...}} expansions, as Flux's kustomize-controller expands them in
 * post-build substitution (its envsubst, a fork of drone/envsubst).
 *
 * <p>Supported: {@code ${var}}, defaults {@code ${var=d}}, {@code ${var:=d}}, {@code ${var:-d}}
 * (all three use the default when the value is empty or unset; defaults may nest {@code ${...}}),
 * {@code ${#var}}, {@code ${var^}}, {@code ${var^^}}, {@code ${var,}}, {@code ${var,,}}, {@code
 * ${var:pos}}, {@code ${var:pos:len}}, {@code ${var#glob}}, {@code ${var##glob}}, {@code
 * ${var%glob}}, {@code ${var%%glob}}, {@code ${var/old/new}}, {@code ${var//old/new}}, {@code
 * ${var/#old/new}}, {@code ${var/%old/new}}. {@code $var} is not expanded; {@code $$} is an escape
 * for {@code $}.
 *
 * <p>Immutable and thread-safe once parsed.
 */
public final class ShellTemplate {
  private final String source;
  private final List<TemplateNode> nodes;

  private ShellTemplate(String source, List<TemplateNode> nodes) {
    this.source = source;
    this.nodes = nodes;
  }

  /**
   * Parses {@code text}.
   *
   * @throws TemplateException when a {@code ${...}} is malformed
   */
  public static ShellTemplate parse(String text) {
    return new ShellTemplate(text, List.copyOf(TemplateParser.parse(text)));
  }

  /**
   * Expands the template.
   *
   * @param variables the values by name
   * @param strict when true an unset variable without a default fails; when false it expands to the
   *     empty string (Flux's default)
   * @throws TemplateException in strict mode, naming the first unset variable and its line
   */
  public String expand(Map<String, String> variables, boolean strict) {
    StringBuilder out = new StringBuilder(source.length());
    for (TemplateNode node : nodes) {
      out.append(evaluate(node, variables, strict));
    }
    return out.toString();
  }

  private String evaluate(TemplateNode node, Map<String, String> variables, boolean strict) {
    if (node instanceof Text text) {
      return text.value();
    }
    Expansion expansion = (Expansion) node;
    List<String> args = new ArrayList<>(expansion.args().size());
    for (TemplateNode arg : expansion.args()) {
      args.add(evaluate(arg, variables, strict));
    }
    String value = variables.get(expansion.variable());
    if (value == null && strict && !expansion.operator().toleratesUnset()) {
      throw TemplateException.unset(
          expansion.variable(), TemplateParser.lineOf(source, expansion.offset()));
    }
    return expansion.operator().apply(value == null ? "" : value, args);
  }
}
