package dev.cairn.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes Jackson trees as the YAML text {@code kubectl kustomize} prints: keys sorted as kustomize
 * sorts them, two-space indent, sequences not indented under their key, and the same choices of
 * quoting, block literals, number formats and line folding. Stateless.
 */
public final class YamlWriter {

  private static final String SEPARATOR = "---";
  private static final int SIMPLE_KEY_BYTES = 128;

  private YamlWriter() {}

  /** One document, ending with a newline. */
  public static String write(JsonNode node) {
    TextOut out = new TextOut(256);
    writeDocument(node, out);
    return out.toString();
  }

  /** Several documents, separated by {@code ---} lines exactly like kustomize's output. */
  public static String writeAll(List<? extends JsonNode> documents) {
    TextOut out = new TextOut(2048 * Math.max(1, documents.size()));
    for (int i = 0; i < documents.size(); i++) {
      if (i > 0) {
        out.writeAscii(SEPARATOR);
        out.newline();
      }
      writeDocument(documents.get(i), out);
    }
    return out.toString();
  }

  private static void writeDocument(JsonNode node, TextOut out) {
    if (node.isObject() && !node.isEmpty()) {
      writeMapping(node, 0, false, out);
    } else if (node.isArray() && !node.isEmpty()) {
      writeSequence(node, 0, false, out);
    } else {
      writeScalarOrEmpty(node, 0, out);
      out.endLine();
    }
  }

  private static void writeMapping(JsonNode map, int indent, boolean inline, TextOut out) {
    boolean first = true;
    for (Map.Entry<String, JsonNode> entry : sortedFields(map)) {
      if (!(first && inline)) {
        out.indentTo(indent);
      }
      first = false;
      String key = NextLineFolding.fold(entry.getKey());
      JsonNode value = entry.getValue();
      if (isSimpleKey(key)) {
        new ScalarWriter(out).write(key, indent, true);
        out.writeAscii(":");
        if (value.isContainerNode() && !value.isEmpty()) {
          out.newline();
          if (value.isObject()) {
            writeMapping(value, indent + 2, false, out);
          } else {
            writeSequence(value, indent, false, out);
          }
          continue;
        }
      } else {
        writeComplexKey(key, indent, out);
        if (value.isContainerNode() && !value.isEmpty()) {
          out.writeAscii(" ");
        }
        if (value.isObject() && !value.isEmpty()) {
          writeMapping(value, indent + 2, true, out);
          continue;
        }
        if (value.isArray() && !value.isEmpty()) {
          writeSequence(value, indent + 2, true, out);
          continue;
        }
      }
      out.writeAscii(" ");
      writeScalarOrEmpty(value, indent + 2, out);
      out.endLine();
    }
  }

  /**
   * The emitter writes a key inline only when it is one line of at most 128 bytes; any other key
   * goes after a {@code ? } indicator, with its value after a {@code :} on the next line.
   */
  private static boolean isSimpleKey(String key) {
    if (key.length() > SIMPLE_KEY_BYTES) {
      return false;
    }
    int bytes = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (ScalarAnalysis.isBreak(c)) {
        return false;
      }
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes <= SIMPLE_KEY_BYTES;
  }

  private static void writeComplexKey(String key, int indent, TextOut out) {
    out.writeAscii("? ");
    new ScalarWriter(out).write(key, indent + 2, false);
    out.endLine();
    out.indentTo(indent);
    out.writeAscii(":");
  }

  private static void writeSequence(JsonNode list, int indent, boolean inline, TextOut out) {
    boolean first = true;
    for (JsonNode item : list) {
      if (!(first && inline)) {
        out.indentTo(indent);
      }
      first = false;
      out.writeAscii("- ");
      if (item.isObject() && !item.isEmpty()) {
        writeMapping(item, indent + 2, true, out);
      } else if (item.isArray() && !item.isEmpty()) {
        writeSequence(item, indent + 2, true, out);
      } else {
        writeScalarOrEmpty(item, indent + 2, out);
        out.endLine();
      }
    }
  }

  private static void writeScalarOrEmpty(JsonNode node, int indent, TextOut out) {
    if (node.isObject()) {
      out.writeAscii("{}");
    } else if (node.isArray()) {
      out.writeAscii("[]");
    } else if (node.isTextual()) {
      new ScalarWriter(out).write(node.textValue(), indent, false);
    } else if (node.isNull() || node.isMissingNode()) {
      out.writeAscii("null");
    } else if (node.isBoolean()) {
      out.writeAscii(node.booleanValue() ? "true" : "false");
    } else if (node.isIntegralNumber()) {
      out.writeAscii(node.bigIntegerValue().toString());
    } else if (node.isNumber()) {
      out.writeAscii(GoFloats.format(node.doubleValue()));
    } else {
      new ScalarWriter(out).write(node.asText(), indent, false);
    }
  }

  private static List<Map.Entry<String, JsonNode>> sortedFields(JsonNode map) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(map.size());
    Iterator<Map.Entry<String, JsonNode>> it = map.fields();
    while (it.hasNext()) {
      fields.add(it.next());
    }
    KeyOrder.sort(fields);
    return fields;
  }
}
