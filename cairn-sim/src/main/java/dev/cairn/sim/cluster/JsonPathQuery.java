package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Kubernetes JSONPath ({@code k8s.io/client-go/util/jsonpath}) that CRDs' {@code
 * additionalPrinterColumns} use: fields ({@code .status.phase}, {@code ['a.b']}), indexes ({@code
 * [0]}, {@code [-1]}), wildcards ({@code [*]}) and filters on a field ({@code
 * [?(@.type=="Ready")]}, {@code !=}, or existence {@code [?(@.reason)]}). An expression outside
 * this subset (recursive descent {@code ..}, slices, unions) finds nothing, so its cell is empty
 * ({@code <none>}), never a wrong value.
 */
final class JsonPathQuery {
  private static final Pattern FILTER =
      Pattern.compile(
          "\\?\\(@((?:\\.[^.=!\\s)]+)+)\\s*(?:(==|!=)\\s*(\"[^\"]*\"|'[^']*'|[^)\\s]+))?\\s*\\)");

  private final List<String> steps;
  private final boolean valid;

  private JsonPathQuery(List<String> steps, boolean valid) {
    this.steps = steps;
    this.valid = valid;
  }

  static JsonPathQuery parse(String expression) {
    String e = expression.trim();
    if (e.startsWith("{") && e.endsWith("}")) {
      e = e.substring(1, e.length() - 1).trim();
    }
    if (e.startsWith("$")) {
      e = e.substring(1);
    }
    List<String> steps = new ArrayList<>();
    int i = 0;
    while (i < e.length()) {
      char c = e.charAt(i);
      if (c == '.') {
        if (i + 1 < e.length() && e.charAt(i + 1) == '.') {
          return new JsonPathQuery(List.of(), false);
        }
        int end = i + 1;
        while (end < e.length() && e.charAt(end) != '.' && e.charAt(end) != '[') {
          end++;
        }
        steps.add("." + e.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int end = closing(e, i);
        if (end < 0) {
          return new JsonPathQuery(List.of(), false);
        }
        steps.add(e.substring(i + 1, end));
        i = end + 1;
      } else {
        return new JsonPathQuery(List.of(), false);
      }
    }
    return new JsonPathQuery(List.copyOf(steps), true);
  }

  private static int closing(String e, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < e.length(); i++) {
      char c = e.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The values the expression selects in {@code root}, in document order. */
  List<JsonNode> find(JsonNode root) {
    if (!valid) {
      return List.of();
    }
    List<JsonNode> current = List.of(root);
    for (String step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        apply(step, node, next);
      }
      current = next;
    }
    return current;
  }

  private static void apply(String step, JsonNode node, List<JsonNode> out) {
    if (step.startsWith(".")) {
      addIfPresent(node.get(step.substring(1)), out);
      return;
    }
    String inner = step.trim();
    if (inner.equals("*")) {
      node.elements().forEachRemaining(out::add);
    } else if (inner.startsWith("'") || inner.startsWith("\"")) {
      addIfPresent(node.get(inner.substring(1, inner.length() - 1)), out);
    } else if (inner.startsWith("?")) {
      filter(inner, node, out);
    } else if (inner.matches("-?\\d+") && node.isArray()) {
      int index = Integer.parseInt(inner);
      addIfPresent(node.get(index < 0 ? node.size() + index : index), out);
    }
  }

  private static void filter(String expression, JsonNode node, List<JsonNode> out) {
    Matcher m = FILTER.matcher(expression);
    if (!m.matches() || !node.isArray()) {
      return;
    }
    String[] path = m.group(1).substring(1).split("\\.");
    for (JsonNode item : node) {
      JsonNode value = item;
      for (String field : path) {
        value = value.path(field);
      }
      if (m.group(2) == null) {
        if (!value.isMissingNode()) {
          out.add(item);
        }
      } else if (value.isValueNode() && (m.group(2).equals("==") == equal(value, m.group(3)))) {
        out.add(item);
      }
    }
  }

  private static boolean equal(JsonNode value, String literal) {
    if (literal.startsWith("\"") || literal.startsWith("'")) {
      return value.isTextual() && value.asText().equals(literal.substring(1, literal.length() - 1));
    }
    return !value.isTextual() && value.asText().equals(literal);
  }

  private static void addIfPresent(JsonNode value, List<JsonNode> out) {
    if (value != null && !value.isMissingNode()) {
      out.add(value);
    }
  }
}
