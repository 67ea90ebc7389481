package dev.cairn.secrets.sops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * INI files as SOPS's INI store sees them: each section a mapping of string values, the {@code
 * [sops]} section the flattened metadata (with {@code \n} escapes), lines starting with {@code ;}
 * or {@code #} comments. Keys before any section belong to {@code DEFAULT}.
 */
final class IniText {

  private IniText() {}

  static SopsTree read(String file, String text) {
    ObjectNode branch = JsonNodeFactory.instance.objectNode();
    Map<String, String> flat = new LinkedHashMap<>();
    String section = "DEFAULT";
    int number = 0;
    for (String raw : text.split("\n", -1)) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1).strip();
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        throw new SopsException(file + ":" + number + ": an INI line needs key = value");
      }
      String key = line.substring(0, equals).strip();
      String value = unquote(line.substring(equals + 1).strip());
      if (section.equals("sops")) {
        flat.put(key, value.replace("\\n", "\n"));
      } else {
        JsonNode existing = branch.get(section);
        ObjectNode values =
            existing instanceof ObjectNode object ? object : branch.putObject(section);
        values.set(key, TextNode.valueOf(value));
      }
    }
    return new SopsTree(
        List.of(branch),
        SopsFileReader.requireMetadata(file, flat.isEmpty() ? null : FlatMetadata.unflatten(flat)));
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  static String write(ObjectNode branch) {
    StringBuilder out = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> sections = branch.fields();
    while (sections.hasNext()) {
      Map.Entry<String, JsonNode> section = sections.next();
      if (!section.getValue().isObject()) {
        throw new SopsException(
            "cannot write the value of " + section.getKey() + " as an INI section");
      }
      if (section.getKey().equals("DEFAULT") && section.getValue().isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append('[').append(section.getKey()).append("]\n");
      section
          .getValue()
          .fields()
          .forEachRemaining(
              entry ->
                  out.append(entry.getKey())
                      .append(" = ")
                      .append(SopsPlaintext.scalarText(entry.getValue()))
                      .append('\n'));
    }
    return out.toString();
  }
}
