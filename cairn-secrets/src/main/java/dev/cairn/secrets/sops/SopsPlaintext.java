package dev.cairn.secrets.sops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.YamlWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A decrypted SOPS file: its documents without the {@code sops} metadata (one per YAML document; a
 * dotenv file is one flat mapping, an INI file a mapping of sections, a binary file {@code {"data":
 * …}}), and {@link #bytes()} in the file's own format, as kustomize-controller writes a decrypted
 * file back. {@code toString} shows no value.
 */
public final class SopsPlaintext {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SopsFormat format;
  private final List<ObjectNode> documents;

  SopsPlaintext(SopsFormat format, List<ObjectNode> documents) {
    this.format = format;
    this.documents = List.copyOf(documents);
  }

  public SopsFormat format() {
    return format;
  }

  /** The decrypted documents; callers get copies, so the plaintext here stays as decrypted. */
  public List<ObjectNode> documents() {
    return documents.stream().map(ObjectNode::deepCopy).toList();
  }

  /** The plaintext in the file's format. */
  public byte[] bytes() {
    return bytes(format);
  }

  /**
   * The plaintext in another format, as kustomize-controller writes a decrypted Secret entry in the
   * format of the entry's name ({@link SopsFormat#forPath}).
   *
   * @throws SopsException when the documents do not fit the format (nested values in dotenv, no
   *     string {@code data} for binary, several YAML documents for a one-document format)
   */
  public byte[] bytes(SopsFormat output) {
    if (output != SopsFormat.YAML && documents.size() != 1) {
      throw new SopsException(
          "cannot write " + documents.size() + " YAML documents as one " + output + " file");
    }
    return switch (output) {
      case YAML -> YamlWriter.writeAll(documents).getBytes(StandardCharsets.UTF_8);
      case JSON -> json(documents.get(0)).getBytes(StandardCharsets.UTF_8);
      case DOTENV -> dotenv(documents.get(0)).getBytes(StandardCharsets.UTF_8);
      case INI -> IniText.write(documents.get(0)).getBytes(StandardCharsets.UTF_8);
      case BINARY -> binary(documents.get(0));
    };
  }

  private static String json(ObjectNode document) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String dotenv(ObjectNode document) {
    StringBuilder out = new StringBuilder();
    document
        .fields()
        .forEachRemaining(
            entry -> {
              if (entry.getValue().isContainerNode()) {
                throw new SopsException(
                    "cannot write a nested value in a dotenv file (key " + entry.getKey() + ")");
              }
              String value = scalarText(entry.getValue());
              if (entry.getValue().isTextual()) {
                value = value.replace("\n", "\\n");
              }
              out.append(entry.getKey()).append('=').append(value).append('\n');
            });
    return out.toString();
  }

  private static byte[] binary(ObjectNode document) {
    JsonNode data = document.get("data");
    if (data == null || !data.isTextual()) {
      throw new SopsException("a binary SOPS file needs a string 'data' value");
    }
    return data.textValue().getBytes(StandardCharsets.UTF_8);
  }

  static String scalarText(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return Boolean.toString(value.booleanValue());
    }
    if (value.isFloatingPointNumber()) {
      return MacText.goFloat(value.doubleValue());
    }
    return value.isNull() ? "" : value.asText();
  }

  @Override
  public String toString() {
    return "SopsPlaintext[" + format + ", " + documents.size() + " documents]";
  }
}
