package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list generator: one parameter set per element of {@code elements}, then per element of the
 * YAML list {@code elementsYaml}. For fasttemplate every value must be a string except {@code
 * values}, whose entries become {@code values.<key>}, as Argo CD requires; Go templates take the
 * elements as they are.
 */
final class ListGenerator {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> FIELDS = Set.of("elements", "elementsYaml", "template");

  private ListGenerator() {}

  static List<Map<String, Object>> generate(JsonNode spec, ParamRenderer renderer, String where) {
    Generators.checkFields(spec, FIELDS, where);
    List<JsonNode> elements = new ArrayList<>();
    spec.path("elements").forEach(elements::add);
    if (spec.hasNonNull("elementsYaml")) {
      try {
        JsonNode parsed = YAML.readTree(spec.get("elementsYaml").asText());
        if (parsed != null && !parsed.isNull()) {
          if (!parsed.isArray()) {
            throw new GeneratorException(where + ".elementsYaml must be a YAML list");
          }
          parsed.forEach(elements::add);
        }
      } catch (IOException e) {
        throw new GeneratorException(where + ".elementsYaml is not YAML: " + e.getMessage());
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      JsonNode element = elements.get(i);
      String at = where + ".elements[" + i + "]";
      if (!element.isObject()) {
        throw new GeneratorException(at + " must be an object");
      }
      out.add(renderer.nested() ? ParamMaps.tree(element) : flat(element, at));
    }
    return out;
  }

  private static Map<String, Object> flat(JsonNode element, String where) {
    Map<String, Object> params = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = element.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equals("values") && field.getValue().isObject()) {
        Iterator<Map.Entry<String, JsonNode>> values = field.getValue().fields();
        while (values.hasNext()) {
          Map.Entry<String, JsonNode> value = values.next();
          params.put(
              "values." + value.getKey(),
              text(value.getValue(), where + ".values." + value.getKey()));
        }
      } else {
        params.put(field.getKey(), text(field.getValue(), where + "." + field.getKey()));
      }
    }
    return params;
  }

  private static String text(JsonNode value, String where) {
    if (!value.isValueNode() || value.isNull()) {
      throw new GeneratorException(
          where + " must be a string for fasttemplate (use goTemplate: true for nested values)");
    }
    return value.asText();
  }
}
