package dev.cairn.kustomize.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parsing of generator sources: {@code key=value} literals and env files. */
public final class KeyValues {
  private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  /** A key and its value. */
  public record Pair(String key, String value) {}

  private KeyValues() {}

  /** A literal {@code key=value}; surrounding matching quotes are removed from the value. */
  public static Pair literal(String source) {
    int eq = source.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException(
          "invalid literal source " + source + ", expected key=value");
    }
    String value = source.substring(eq + 1);
    if (value.length() >= 2) {
      char first = value.charAt(0);
      char last = value.charAt(value.length() - 1);
      if ((first == '"' && last == '"') || (first == '\'' && last == '\'')) {
        value = value.substring(1, value.length() - 1);
      }
    }
    return new Pair(source.substring(0, eq), value);
  }

  /**
   * An env file: one {@code KEY=value} per line, blank lines and {@code #} comments skipped,
   * leading whitespace trimmed. A line without '=' would read the process environment in kustomize;
   * here it yields an empty value, so builds never depend on the environment.
   */
  public static List<Pair> envFile(String content) {
    List<Pair> out = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      line = line.stripLeading();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq);
      if (!ENV_NAME.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "line "
                + (i + 1)
                + ": invalid key '"
                + key
                + "': not a valid environment variable name");
      }
      out.add(new Pair(key, eq < 0 ? "" : line.substring(eq + 1)));
    }
    return out;
  }
}
