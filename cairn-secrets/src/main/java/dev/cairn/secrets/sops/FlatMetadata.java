package dev.cairn.secrets.sops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SOPS metadata kept as flat keys (dotenv {@code sops_…} entries, the INI {@code [sops]} section):
 * {@code pgp__list_0__map_enc} is {@code pgp[0].enc}.
 */
final class FlatMetadata {

  private static final String MAP = "__map_";
  private static final String LIST = "__list_";

  private FlatMetadata() {}

  static ObjectNode unflatten(Map<String, String> flat) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String> entry : flat.entrySet()) {
      List<Object> tokens = tokens(entry.getKey());
      JsonNode parent = root;
      for (int i = 0; i < tokens.size(); i++) {
        boolean last = i == tokens.size() - 1;
        Object token = tokens.get(i);
        Object next = last ? null : tokens.get(i + 1);
        JsonNode child = last ? TextNode.valueOf(entry.getValue()) : container(next);
        parent = step(parent, token, child, last);
      }
    }
    return root;
  }

  private static JsonNode container(Object next) {
    return next instanceof Integer
        ? JsonNodeFactory.instance.arrayNode()
        : JsonNodeFactory.instance.objectNode();
  }

  private static JsonNode step(JsonNode parent, Object token, JsonNode child, boolean last) {
    if (token instanceof Integer index && parent instanceof ArrayNode array) {
      while (array.size() <= index) {
        array.addNull();
      }
      if (last || array.get(index).isNull()) {
        array.set(index, child);
      }
      return array.get(index);
    }
    if (token instanceof String key && parent instanceof ObjectNode object) {
      if (last || !object.has(key)) {
        object.set(key, child);
      }
      return object.get(key);
    }
    throw new IllegalArgumentException("the flat sops metadata mixes lists and maps");
  }

  private static List<Object> tokens(String key) {
    List<Object> tokens = new ArrayList<>();
    int start = 0;
    boolean list = false;
    int i = 0;
    while (i <= key.length()) {
      boolean atMap = key.startsWith(MAP, i);
      boolean atList = key.startsWith(LIST, i);
      if (atMap || atList || i == key.length()) {
        String part = key.substring(start, i);
        tokens.add(list ? Integer.valueOf(Integer.parseInt(part)) : part);
        if (i == key.length()) {
          break;
        }
        list = atList;
        i += atList ? LIST.length() : MAP.length();
        start = i;
      } else {
        i++;
      }
    }
    return tokens;
  }
}
