package dev.cairn.secrets.sops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlDocument;
import dev.cairn.manifest.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an encrypted file into a {@link SopsTree} the way SOPS's store for its format does. YAML
 * goes through cairn-manifest's reader (go-yaml v3's scalar types; comments, where SOPS keeps
 * encrypted comments, are not part of the MAC and are dropped).
 */
final class SopsFileReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String METADATA = "sops";

  private SopsFileReader() {}

  static SopsTree read(String file, String text, SopsFormat format) {
    return switch (format) {
      case YAML -> yaml(file, text);
      case JSON, BINARY -> json(file, text);
      case DOTENV -> dotenv(file, text);
      case INI -> IniText.read(file, text);
    };
  }

  private static SopsTree yaml(String file, String text) {
    List<YamlDocument> documents;
    try {
      documents = YamlReader.defaults().readAll(file, text);
    } catch (ManifestException e) {
      throw new SopsException(e.getMessage());
    }
    List<ObjectNode> branches = new ArrayList<>();
    JsonNode metadata = null;
    for (YamlDocument document : documents) {
      if (!(document.content() instanceof ObjectNode branch)) {
        throw new SopsException(
            document.origin() + ": YAML documents that are not mappings are not supported");
      }
      JsonNode sops = branch.remove(METADATA);
      if (branches.isEmpty()) {
        metadata = sops;
      }
      branches.add(branch);
    }
    return new SopsTree(branches, requireMetadata(file, metadata));
  }

  private static SopsTree json(String file, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SopsException(
          file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (!(root instanceof ObjectNode branch)) {
      throw new SopsException(file + ": a JSON SOPS file must be an object");
    }
    JsonNode metadata = branch.remove(METADATA);
    return new SopsTree(List.of(branch), requireMetadata(file, metadata));
  }

  private static SopsTree dotenv(String file, String text) {
    ObjectNode branch = JsonNodeFactory.instance.objectNode();
    Map<String, String> flat = new LinkedHashMap<>();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        throw new SopsException(file + ":" + number + ": a dotenv line needs KEY=VALUE");
      }
      String key = line.substring(0, equals);
      String value = line.substring(equals + 1).replace("\\n", "\n");
      if (key.startsWith(METADATA + "_")) {
        flat.put(key.substring(METADATA.length() + 1), value);
      } else {
        branch.set(key, TextNode.valueOf(value));
      }
    }
    return new SopsTree(
        List.of(branch),
        requireMetadata(file, flat.isEmpty() ? null : FlatMetadata.unflatten(flat)));
  }

  static JsonNode requireMetadata(String file, JsonNode metadata) {
    if (metadata == null || metadata.isNull()) {
      throw new SopsException(file + ": no sops metadata: the file is not encrypted with SOPS");
    }
    return metadata;
  }
}
