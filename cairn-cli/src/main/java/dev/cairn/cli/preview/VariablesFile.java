package dev.cairn.cli.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The substitution variables a preview cannot find in the repository (they live in the cluster),
 * from a file: an env file ({@code NAME=value} lines, {@code #} comments) or a flat YAML map.
 * Values are kept as text; messages name the file and line, never a value.
 */
public final class VariablesFile {
  private static final Pattern ENV_LINE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*$");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private VariablesFile() {}

  public static Map<String, String> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the variables file " + file + ": " + e);
    }
    List<String> lines =
        text.lines().filter(l -> !l.isBlank() && !l.stripLeading().startsWith("#")).toList();
    if (!lines.isEmpty() && lines.stream().allMatch(l -> ENV_LINE.matcher(l).matches())) {
      Map<String, String> vars = new LinkedHashMap<>();
      for (String line : lines) {
        int eq = line.indexOf('=');
        vars.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
      }
      return vars;
    }
    return yaml(file, text);
  }

  private static Map<String, String> yaml(Path file, String text) {
    JsonNode root;
    try {
      root = text.isBlank() ? YAML.createObjectNode() : YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": neither NAME=value lines nor a YAML map (line " + line(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": the variables must be a YAML map of names");
    }
    Map<String, String> vars = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getValue().isContainerNode()) {
        throw new IllegalArgumentException(
            file + ": variable '" + entry.getKey() + "' must be a plain value");
      }
      vars.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asText());
    }
    return vars;
  }

  private static String line(IOException e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p
        && p.getLocation() != null) {
      return String.valueOf(p.getLocation().getLineNr());
    }
    return "?";
  }

  private static String unquote(String value) {
    String v = value.strip();
    if (v.length() >= 2
        && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
