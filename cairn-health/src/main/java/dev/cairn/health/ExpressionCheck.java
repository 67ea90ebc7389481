package dev.cairn.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.KubeObject;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health of one kind from its CEL expressions, evaluated in Flux's order: {@code inProgress},
 * then {@code failed}, then {@code current}; the first that is true decides; when none is true the
 * object is in progress. An expression that cannot be evaluated (a missing field, a non-boolean
 * result) makes the object Unknown, and the message names the expression and the error.
 */
final class ExpressionCheck implements HealthCheck {

  private record Rule(
      String name, String expression, CelRuntime.Program program, HealthStatus status) {}

  private final HealthCheckExpr expr;
  private final List<Rule> rules;

  /** Compiles all three expressions now, so a bad one is reported before any object is checked. */
  ExpressionCheck(HealthCheckExpr expr, ExpressionCompiler compiler) {
    this.expr = expr;
    String target = expr.apiVersion() + " " + expr.kind();
    List<Rule> list = new ArrayList<>();
    add(list, compiler, "inProgress", expr.inProgress(), HealthStatus.IN_PROGRESS, target);
    add(list, compiler, "failed", expr.failed(), HealthStatus.FAILED, target);
    add(list, compiler, "current", expr.current(), HealthStatus.CURRENT, target);
    this.rules = List.copyOf(list);
  }

  private static void add(
      List<Rule> rules,
      ExpressionCompiler compiler,
      String name,
      String expression,
      HealthStatus status,
      String target) {
    if (!expression.isBlank()) {
      rules.add(
          new Rule(name, expression, compiler.compile(expression, name + " of " + target), status));
    }
  }

  @Override
  public Health check(KubeObject object) {
    Map<String, Object> variables = variables(object.node());
    for (Rule rule : rules) {
      Object result;
      try {
        result = rule.program().eval(variables);
      } catch (CelEvaluationException | RuntimeException e) {
        return Health.unknown(
            "health expression '"
                + rule.name()
                + "' for "
                + expr.kind()
                + " could not be evaluated: "
                + e.getMessage()
                + " (expression: "
                + rule.expression()
                + ")");
      }
      if (!(result instanceof Boolean)) {
        return Health.unknown(
            "health expression '"
                + rule.name()
                + "' for "
                + expr.kind()
                + " returned "
                + (result == null ? "null" : result.getClass().getSimpleName())
                + ", not a bool (expression: "
                + rule.expression()
                + ")");
      }
      if ((Boolean) result) {
        return new Health(rule.status(), matched(rule, object));
      }
    }
    return Health.inProgress("no health expression is true yet (current: " + expr.current() + ")");
  }

  private static String matched(Rule rule, KubeObject object) {
    String text = "health expression '" + rule.name() + "' is true";
    Optional<Condition> ready = Condition.find(object.node(), "Ready");
    return ready.map(c -> Messages.join(text, c.describe())).orElse(text);
  }

  private static Map<String, Object> variables(JsonNode node) {
    Object self = CelValues.of(node);
    Map<?, ?> fields = self instanceof Map ? (Map<?, ?>) self : Map.of();
    Map<String, Object> variables = new HashMap<>();
    variables.put("self", self);
    variables.put("apiVersion", node.path("apiVersion").asText(""));
    variables.put("kind", node.path("kind").asText(""));
    for (String field : List.of("metadata", "spec", "status")) {
      Object value = fields.get(field);
      variables.put(field, value instanceof Map ? value : Map.of());
    }
    return variables;
  }
}
