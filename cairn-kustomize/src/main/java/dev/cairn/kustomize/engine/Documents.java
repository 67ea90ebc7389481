package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.Origin;
import dev.cairn.manifest.YamlDocument;
import dev.cairn.manifest.YamlReader;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML text into documents and objects, turning parse errors into kustomize errors. */
public final class Documents {
  private static final YamlReader READER = YamlReader.defaults();
  private static final YamlReader KUSTOMIZATION_READER =
      YamlReader.defaults().withDuplicateKeysLastWins();

  private Documents() {}

  /** All non-empty documents of a file. */
  public static List<YamlDocument> read(String display, String text) {
    return read(READER, display, text);
  }

  /**
   * The documents of a kustomization file, read as leniently as kustomize reads it: a key repeated
   * in one mapping keeps its last value.
   */
  static List<YamlDocument> readKustomization(String display, String text) {
    return read(KUSTOMIZATION_READER, display, text);
  }

  private static List<YamlDocument> read(YamlReader reader, String display, String text) {
    String current = text;
    for (int fixes = 0; ; fixes++) {
      try {
        return nonEmpty(reader.readAll(display, current));
      } catch (ManifestException e) {
        String fixed = fixes < TabLeniency.MAX_FIXES ? TabLeniency.fix(current, e) : null;
        if (fixed == null) {
          throw translate(display, e);
        }
        current = fixed;
      }
    }
  }

  private static List<YamlDocument> nonEmpty(List<YamlDocument> docs) {
    List<YamlDocument> out = new ArrayList<>();
    for (YamlDocument d : docs) {
      JsonNode c = d.content();
      if (c != null && !c.isNull() && !c.isMissingNode()) {
        out.add(d);
      }
    }
    return out;
  }

  private static KustomizeException translate(String display, ManifestException e) {
    Origin o = e.origin();
    String message = e.getMessage();
    String prefix = o + ": ";
    if (o != null && message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    if (!message.startsWith("invalid YAML")) {
      message = "invalid YAML: " + message;
    }
    return new KustomizeException(display, o == null ? 0 : o.line(), message, e);
  }

  /** The objects of a resource file; {@code *List} kinds are expanded into their items. */
  public static List<Resource> objects(String display, String text) {
    List<Resource> out = new ArrayList<>();
    for (YamlDocument d : read(display, text)) {
      int line = d.origin() == null ? 0 : d.origin().line();
      JsonNode c = d.content();
      if (!(c instanceof ObjectNode obj)) {
        throw new KustomizeException(
            display, line, "a resource must be a map, not " + c.getNodeType());
      }
      if (obj.path("kind").asText("").endsWith("List") && obj.path("items").isArray()) {
        for (JsonNode item : obj.get("items")) {
          if (item instanceof ObjectNode o) {
            out.add(checked(new Resource(o, display, line)));
          }
        }
        continue;
      }
      out.add(checked(new Resource(obj, display, line)));
    }
    return out;
  }

  private static Resource checked(Resource r) {
    if (r.kind().isEmpty()) {
      throw new KustomizeException(r.file(), r.line(), "missing kind in object");
    }
    if (r.name().isEmpty()) {
      throw new KustomizeException(
          r.file(), r.line(), "missing metadata.name in object of kind " + r.kind());
    }
    return r;
  }
}
