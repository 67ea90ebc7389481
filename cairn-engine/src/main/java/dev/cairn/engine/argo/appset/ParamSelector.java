package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A generator's {@code selector}: a Kubernetes label selector ({@code matchLabels}, {@code
 * matchExpressions} with In, NotIn, Exists, DoesNotExist) over the flattened parameters of each
 * set; sets that do not match are dropped.
 */
final class ParamSelector {
  private ParamSelector() {}

  static boolean matches(JsonNode selector, Map<String, Object> params, String where) {
    if (selector == null || selector.isNull()) {
      return true;
    }
    Map<String, Object> flat = ParamMaps.flatten(params);
    Iterator<Map.Entry<String, JsonNode>> labels = selector.path("matchLabels").fields();
    while (labels.hasNext()) {
      Map.Entry<String, JsonNode> label = labels.next();
      if (!label.getValue().asText().equals(flat.get(label.getKey()))) {
        return false;
      }
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      if (!matchesExpression(expression, flat, where)) {
        return false;
      }
    }
    return true;
  }

  /** One requirement; also used for labels of Applications (RollingSync steps). */
  static boolean matchesExpression(JsonNode expression, Map<String, Object> labels, String where) {
    String key = expression.path("key").asText();
    Object value = labels.get(key);
    Set<String> values = new HashSet<>();
    expression.path("values").forEach(v -> values.add(v.asText()));
    String operator = expression.path("operator").asText();
    return switch (operator) {
      case "In" -> value != null && values.contains(value.toString());
      case "NotIn" -> value == null || !values.contains(value.toString());
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default ->
          throw new GeneratorException(
              where
                  + ": operator '"
                  + operator
                  + "' is not one of In, NotIn, Exists, DoesNotExist");
    };
  }
}
