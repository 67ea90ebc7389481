package dev.cairn.image.setters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rewrites setter markers in the {@code *.yaml}/{@code *.yml} files under one directory (hidden
 * files and directories such as {@code .git} skipped, symbolic links not followed). A marked line
 * is {@code [- ][key: ]value # {"$imagepolicy": "ns:name"}}; the value (plain, single- or
 * double-quoted, quotes kept) becomes the policy's {@code image:tag[@digest]}, or its tag, name or
 * digest with a {@code :tag}, {@code :name} or {@code :digest} suffix. Markers naming a policy that
 * picked nothing are left alone, as Flux does. Only changed files are written, byte for byte the
 * same apart from the value.
 */
public final class SetterRewriter {
  private static final Pattern MARKED =
      Pattern.compile(
          "^(?<prefix>\\s*(?:-\\s+)*(?:(?:\"[^\"]*\"|'[^']*'|[^\\s#'\"][^#:]*?)\\s*:\\s+)?)"
              + "(?<value>\"[^\"]*\"|'[^']*'|[^\\s#'\"][^\\s#]*)"
              + "(?<gap>\\s+)#\\s*\\{\\s*\"\\$imagepolicy\"\\s*:\\s*\"(?<setter>[^\"]*)\"\\s*\\}\\s*$");
  private static final Pattern SEPARATOR = Pattern.compile("^---(\\s.*)?$");
  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * Rewrites the files under {@code directory}.
   *
   * @param root the repository root, to name files relative to it
   * @param picks by marker name {@code namespace:name}
   * @return the changes, in file and line order
   */
  public List<SetterChange> rewrite(Path root, Path directory, Map<String, PolicyPick> picks) {
    List<SetterChange> changes = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      List<Path> files =
          walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .filter(p -> isYaml(p) && !hidden(directory, p))
              .sorted()
              .toList();
      for (Path file : files) {
        changes.addAll(rewriteFile(root, file, picks));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root.relativize(directory), e);
    }
    return changes;
  }

  private List<SetterChange> rewriteFile(Path root, Path file, Map<String, PolicyPick> picks)
      throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.contains("$imagepolicy")) {
      return List.of();
    }
    String name = root.relativize(file).toString().replace('\\', '/');
    List<String> lines = splitKeepingEnds(text);
    List<SetterChange> changes = new ArrayList<>();
    int documentStart = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String body = stripEnd(line);
      if (SEPARATOR.matcher(body).matches()) {
        documentStart = i + 1;
        continue;
      }
      Matcher m = MARKED.matcher(body);
      if (!m.matches()) {
        continue;
      }
      String value = m.group("value");
      String replacement = replacement(m.group("setter"), picks);
      if (replacement == null) {
        continue;
      }
      String quote = value.startsWith("\"") || value.startsWith("'") ? value.substring(0, 1) : "";
      String old = quote.isEmpty() ? value : value.substring(1, value.length() - 1);
      if (old.equals(replacement)) {
        continue;
      }
      String rewritten =
          m.group("prefix") + quote + replacement + quote + body.substring(m.end("value"));
      lines.set(i, rewritten + line.substring(body.length()));
      changes.add(
          new SetterChange(
              name,
              objectOf(lines, documentStart),
              old,
              replacement,
              setterName(m.group("setter"))));
    }
    if (!changes.isEmpty()) {
      Files.writeString(file, String.join("", lines), StandardCharsets.UTF_8);
    }
    return changes;
  }

  /** The value a marker asks for, or null when its policy picked nothing or it is malformed. */
  static String replacement(String setter, Map<String, PolicyPick> picks) {
    String[] parts = setter.strip().split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      return null;
    }
    PolicyPick pick = picks.get(parts[0] + ":" + parts[1]);
    if (pick == null || pick.tag() == null) {
      return null;
    }
    if (parts.length == 2) {
      return pick.reference();
    }
    return switch (parts[2]) {
      case "tag" -> pick.tag();
      case "name" -> pick.image();
      case "digest" -> pick.digest() == null || pick.digest().isEmpty() ? null : pick.digest();
      default -> null;
    };
  }

  private static String setterName(String setter) {
    String[] parts = setter.strip().split(":", -1);
    return parts[0] + ":" + parts[1];
  }

  /** Kind, namespace and name of the document starting at {@code start}, read as YAML. */
  private static SetterChange.ObjectId objectOf(List<String> lines, int start) {
    StringBuilder doc = new StringBuilder();
    for (int i = start; i < lines.size(); i++) {
      if (i > start && SEPARATOR.matcher(stripEnd(lines.get(i))).matches()) {
        break;
      }
      doc.append(lines.get(i));
    }
    try {
      JsonNode node = YAML.readTree(doc.toString());
      if (node == null || !node.isObject()) {
        return new SetterChange.ObjectId("", "", "", "");
      }
      return new SetterChange.ObjectId(
          node.path("apiVersion").asText(""),
          node.path("kind").asText(""),
          node.path("metadata").path("namespace").asText(""),
          node.path("metadata").path("name").asText(""));
    } catch (IOException e) {
      return new SetterChange.ObjectId("", "", "", "");
    }
  }

  private static List<String> splitKeepingEnds(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  private static String stripEnd(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
      end--;
    }
    return line.substring(0, end);
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static boolean hidden(Path directory, Path file) {
    for (Path part : directory.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
