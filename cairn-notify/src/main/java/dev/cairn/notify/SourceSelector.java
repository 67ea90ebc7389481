package dev.cairn.notify;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code eventSources} entry of an Alert (or {@code resources} entry of a Receiver): kind, name
 * with {@code *} wildcards, namespace, and labels the object must carry.
 */
public record SourceSelector(
    String kind, String name, String namespace, Map<String, String> matchLabels) {
  public SourceSelector {
    matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
  }

  /** True when {@code object} is one of the objects this entry names. */
  public boolean matches(InvolvedObject object) {
    return kind.equals(object.kind())
        && namespace.equals(object.namespace())
        && nameMatches(object.name())
        && object.labels().entrySet().containsAll(matchLabels.entrySet());
  }

  /** The name, with {@code *} standing for any run of characters. */
  public boolean nameMatches(String candidate) {
    if (!name.contains("*")) {
      return name.equals(candidate);
    }
    String regex =
        Arrays.stream(name.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    return Pattern.matches(regex, candidate);
  }
}
