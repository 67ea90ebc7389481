package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A Kubernetes label selector string: {@code a=b, c!=d, e in (x,y), f notin (z), g, !h}. */
final class LabelSelector {
  private record Requirement(String key, String op, Set<String> values) {
    boolean matches(JsonNode map) {
      JsonNode v = map.get(key);
      String value = v == null || v.isNull() ? null : v.asText();
      return switch (op) {
        case "exists" -> value != null;
        case "!" -> value == null;
        case "=", "in" -> value != null && values.contains(value);
        case "!=", "notin" -> value == null || !values.contains(value);
        default -> false;
      };
    }
  }

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  static LabelSelector parse(String text, String file) {
    List<Requirement> out = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      out.add(requirement(p, file));
    }
    return new LabelSelector(out);
  }

  private static Requirement requirement(String p, String file) {
    if (p.startsWith("!")) {
      return new Requirement(p.substring(1).strip(), "!", Set.of());
    }
    int paren = p.indexOf('(');
    if (paren > 0) {
      String head = p.substring(0, paren).strip();
      String[] words = head.split("\\s+");
      if (words.length != 2 || !p.endsWith(")")) {
        throw new KustomizeException(file, 0, "invalid selector requirement '" + p + "'");
      }
      Set<String> values = Set.of(p.substring(paren + 1, p.length() - 1).split("\\s*,\\s*"));
      return new Requirement(words[0], words[1], values);
    }
    int ne = p.indexOf("!=");
    if (ne > 0) {
      return new Requirement(p.substring(0, ne).strip(), "!=", Set.of(p.substring(ne + 2).strip()));
    }
    int eq = p.indexOf('=');
    if (eq > 0) {
      int skip = p.startsWith("==", eq) ? 2 : 1;
      return new Requirement(
          p.substring(0, eq).strip(), "=", Set.of(p.substring(eq + skip).strip()));
    }
    return new Requirement(p, "exists", Set.of());
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }

  boolean matches(JsonNode map) {
    for (Requirement r : requirements) {
      if (!r.matches(map)) {
        return false;
      }
    }
    return true;
  }
}
