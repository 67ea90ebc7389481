package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Argo CD's default template syntax (valyala/fasttemplate with {@code {{} and {@code }}}): every
 * {@code {{ key }}} whose trimmed key is a parameter is replaced by the parameter's text, in keys
 * and values alike; a tag naming no parameter is left as it is, as Argo CD leaves it.
 */
public final class FastTemplate implements ParamRenderer {
  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";

  @Override
  public boolean nested() {
    return false;
  }

  @Override
  public JsonNode render(JsonNode tree, Map<String, Object> params) {
    if (tree == null) {
      return null;
    }
    if (tree.isTextual()) {
      return JsonNodeFactory.instance.textNode(render(tree.asText(), params));
    }
    if (tree instanceof ObjectNode object) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.set(render(field.getKey(), params), render(field.getValue(), params));
      }
      return out;
    }
    if (tree instanceof ArrayNode array) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      array.forEach(item -> out.add(render(item, params)));
      return out;
    }
    return tree.deepCopy();
  }

  /** {@code text} with every known tag replaced. */
  public static String render(String text, Map<String, Object> params) {
    int open = text.indexOf(OPEN);
    if (open < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (open >= 0) {
      int close = text.indexOf(CLOSE, open + OPEN.length());
      if (close < 0) {
        break;
      }
      out.append(text, from, open);
      String tag = text.substring(open + OPEN.length(), close);
      Object value = params.get(tag.trim());
      if (tag.trim().isEmpty() || value == null) {
        out.append(OPEN).append(tag).append(CLOSE);
      } else {
        out.append(value);
      }
      from = close + CLOSE.length();
      open = text.indexOf(OPEN, from);
    }
    out.append(text, from, text.length());
    return out.toString();
  }
}
