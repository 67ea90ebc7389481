package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.transform.FieldSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Legacy {@code vars:}: each var names a field of one object (after all renames); {@code $(NAME)}
 * in the var-reference fields (container args, command, env values, mount paths, Ingress hosts,
 * Service ports, labels) is replaced by its value; {@code $$} escapes a dollar.
 */
final class Vars {
  private Vars() {}

  static void resolve(List<JsonNode> vars, ResourceSet set, String file) {
    if (vars.isEmpty()) {
      return;
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (JsonNode v : vars) {
      String name = v.path("name").asText("");
      if (values.containsKey(name)) {
        throw new KustomizeException(file, 0, "var '" + name + "' already encountered");
      }
      values.put(name, valueOf(v, set, file));
    }
    List<FieldSpec> specs = set.config().section("varReference");
    for (Resource r : set.list()) {
      ResId id = r.id();
      for (FieldSpec fs : specs) {
        if (fs.selects(id)) {
          fs.walk(r.node(), (parent, field) -> expandField(parent, field, values));
        }
      }
    }
  }

  private static JsonNode valueOf(JsonNode var, ResourceSet set, String file) {
    JsonNode ref = var.path("objref");
    String apiVersion = ref.path("apiVersion").asText("");
    String kind = ref.path("kind").asText("");
    String name = ref.path("name").asText("");
    List<Resource> matches = new ArrayList<>();
    for (Resource r : set.list()) {
      if (matchesRef(r.id(), apiVersion, kind, name)
          || r.previousIds().stream().anyMatch(p -> matchesRef(p, apiVersion, kind, name))) {
        matches.add(r);
      }
    }
    String varName = var.path("name").asText();
    if (matches.size() != 1) {
      throw new KustomizeException(
          file,
          0,
          "var '"
              + varName
              + "' cannot be mapped to a field in the set of known resources ("
              + matches.size()
              + " matches)");
    }
    String path =
        var.path("fieldref")
            .path("fieldpath")
            .asText("metadata.name")
            .replaceAll("\\[(\\d+)]", ".$1");
    List<JsonNode> found = FieldPathWalker.find(matches.get(0).node(), path, false);
    if (found.isEmpty()) {
      throw new KustomizeException(
          file,
          0,
          "var '" + varName + "': field '" + path + "' not found in " + matches.get(0).id());
    }
    return found.get(0);
  }

  private static boolean matchesRef(ResId id, String apiVersion, String kind, String name) {
    String idApiVersion = id.group().isEmpty() ? id.version() : id.group() + "/" + id.version();
    return id.kind().equals(kind)
        && id.name().equals(name)
        && (apiVersion.isEmpty() || apiVersion.equals(idApiVersion));
  }

  private static void expandField(ObjectNode parent, String field, Map<String, JsonNode> values) {
    JsonNode v = parent.get(field);
    if (v == null) {
      return;
    }
    if (v.isTextual()) {
      parent.set(field, expand(v.asText(), values));
    } else if (v instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) {
          a.set(i, expand(a.get(i).asText(), values));
        }
      }
    } else if (v instanceof ObjectNode o) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        if (o.get(k).isTextual()) {
          o.set(k, expand(o.get(k).asText(), values));
        }
      }
    }
  }

  /** Expands $(NAME) references; a string that is exactly one reference takes the value's type. */
  static JsonNode expand(String s, Map<String, JsonNode> values) {
    if (s.startsWith("$(") && s.endsWith(")") && s.indexOf(')') == s.length() - 1) {
      JsonNode whole = values.get(s.substring(2, s.length() - 1));
      if (whole != null) {
        return whole.deepCopy();
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
        int close = s.indexOf(')', i + 2);
        if (close > 0) {
          JsonNode value = values.get(s.substring(i + 2, close));
          if (value != null) {
            out.append(value.asText());
            i = close + 1;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return TextNode.valueOf(out.toString());
  }
}
