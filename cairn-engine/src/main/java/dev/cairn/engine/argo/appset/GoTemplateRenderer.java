package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.render.gotemplate.GoTemplateEngine;
import dev.cairn.render.gotemplate.GoTemplateException;
import dev.cairn.render.gotemplate.GoTemplateOptions;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code goTemplate: true}: every string of the tree that holds {@code {{} is a Go template
 * (text/template with Sprig, without {@code env} and {@code expandenv}, as Argo CD restricts it)
 * executed on the nested parameter set; {@code goTemplateOptions: ["missingkey=error"]} makes a
 * missing key fail instead of printing {@code <no value>}. All strings of one tree render in one
 * call of the engine.
 */
public final class GoTemplateRenderer implements ParamRenderer {
  private final GoTemplateEngine engine;
  private final GoTemplateOptions options;

  public GoTemplateRenderer(GoTemplateEngine engine, List<String> goTemplateOptions) {
    this.engine = engine;
    this.options =
        GoTemplateOptions.defaults()
            .withMissingKeyError(
                goTemplateOptions != null && goTemplateOptions.contains("missingkey=error"));
  }

  @Override
  public boolean nested() {
    return true;
  }

  @Override
  public JsonNode render(JsonNode tree, Map<String, Object> params) {
    if (tree == null) {
      return null;
    }
    Map<String, String> templates = new LinkedHashMap<>();
    collect(tree, templates);
    if (templates.isEmpty()) {
      return tree.deepCopy();
    }
    Map<String, String> named = name(templates);
    Map<String, String> rendered;
    try {
      rendered = engine.render(named, params, options);
    } catch (GoTemplateException e) {
      String message = e.getMessage();
      for (Map.Entry<String, String> template : named.entrySet()) {
        message = message.replace("\"" + template.getKey() + "\"", "'" + template.getValue() + "'");
      }
      throw new GeneratorException("Go template failed: " + message);
    }
    Map<String, String> byText = new LinkedHashMap<>();
    int i = 0;
    for (String text : templates.keySet()) {
      byText.put(text, rendered.get("t" + i++));
    }
    return replace(tree, byText);
  }

  private static Map<String, String> name(Map<String, String> templates) {
    Map<String, String> named = new LinkedHashMap<>();
    int i = 0;
    for (String text : templates.keySet()) {
      named.put("t" + i++, text);
    }
    return named;
  }

  private static void collect(JsonNode node, Map<String, String> out) {
    if (node.isTextual() && node.asText().contains("{{")) {
      out.putIfAbsent(node.asText(), node.asText());
    } else if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().contains("{{")) {
          out.putIfAbsent(field.getKey(), field.getKey());
        }
        collect(field.getValue(), out);
      }
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, out));
    }
  }

  private static JsonNode replace(JsonNode node, Map<String, String> rendered) {
    if (node.isTextual()) {
      String text = rendered.get(node.asText());
      return text == null ? node.deepCopy() : JsonNodeFactory.instance.textNode(text);
    }
    if (node instanceof ObjectNode object) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.set(
            rendered.getOrDefault(field.getKey(), field.getKey()),
            replace(field.getValue(), rendered));
      }
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      array.forEach(item -> out.add(replace(item, rendered)));
      return out;
    }
    return node.deepCopy();
  }
}
