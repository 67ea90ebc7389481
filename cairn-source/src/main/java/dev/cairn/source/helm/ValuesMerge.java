package dev.cairn.source.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlDocument;
import dev.cairn.manifest.YamlReader;
import dev.cairn.manifest.YamlWriter;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Flux's {@code valuesFiles}: values files of a chart merged in order into one map — maps merged
 * key by key, the later file winning; any other value (lists included) replaced whole. Values are
 * read with Cairn's YAML reader and written back with its YAML writer, which quotes strings a YAML
 * 1.1 reader such as Helm's would otherwise retype ({@code "yes"}, {@code "0123"}).
 */
public final class ValuesMerge {
  static final String DEFAULT_VALUES_FILE = "values.yaml";

  private ValuesMerge() {}

  /** The merged values and the files that contributed, in order. */
  public record Merged(ObjectNode values, List<String> files) {
    public Merged {
      files = List.copyOf(files);
    }

    /** The merged values as a {@code values.yaml} text. */
    public String yaml() {
      return values.isEmpty() ? "{}\n" : YamlWriter.write(values);
    }
  }

  /** {@code overlay} merged into a copy of {@code base}; neither argument changes. */
  public static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
    ObjectNode result = base.deepCopy();
    mergeInto(result, overlay);
    return result;
  }

  private static void mergeInto(ObjectNode target, ObjectNode overlay) {
    Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = target.get(field.getKey());
      JsonNode value = field.getValue();
      if (existing instanceof ObjectNode existingMap && value instanceof ObjectNode valueMap) {
        mergeInto(existingMap, valueMap);
      } else {
        target.set(field.getKey(), value.deepCopy());
      }
    }
  }

  /**
   * Reads {@code files} (slash-separated, relative to {@code chartDir}) and merges them in order
   * over an empty map. A missing file fails with {@code VALUES_FILES_FAILED} naming it, unless
   * {@code ignoreMissing}; a path leaving the chart directory fails the same way.
   */
  public static Merged mergeFiles(Path chartDir, List<String> files, boolean ignoreMissing)
      throws SourceException {
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    List<String> used = new ArrayList<>();
    Path root = chartDir.toAbsolutePath().normalize();
    for (String name : files) {
      Path file = root.resolve(name.replaceAll("^(\\./)+", "")).normalize();
      if (!file.startsWith(root) || name.startsWith("/")) {
        throw new SourceException(
            SourceReason.VALUES_FILES_FAILED,
            "values files merge error: path '" + name + "' is outside the chart directory");
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        if (ignoreMissing) {
          continue;
        }
        throw new SourceException(
            SourceReason.VALUES_FILES_FAILED,
            "values files merge error: no values file found at path '" + name + "'");
      }
      merged = merge(merged, read(file, name));
      used.add(name);
    }
    return new Merged(merged, used);
  }

  static boolean isDefaultValuesFile(String name) {
    return DEFAULT_VALUES_FILE.equals(name.replaceAll("^(\\./)+", ""));
  }

  private static ObjectNode read(Path file, String name) throws SourceException {
    List<YamlDocument> documents;
    try {
      documents =
          YamlReader.defaults().readAll(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.VALUES_FILES_FAILED,
          "values files merge error: cannot read '" + name + "': " + e.getMessage(),
          e);
    } catch (ManifestException e) {
      throw new SourceException(
          SourceReason.VALUES_FILES_FAILED,
          "values files merge error: unmarshaling values from '"
              + name
              + "' failed: "
              + e.getMessage());
    }
    if (documents.isEmpty()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!(documents.get(0).content() instanceof ObjectNode values)) {
      throw new SourceException(
          SourceReason.VALUES_FILES_FAILED,
          "values files merge error: '" + name + "' is not a YAML mapping");
    }
    return values;
  }
}
