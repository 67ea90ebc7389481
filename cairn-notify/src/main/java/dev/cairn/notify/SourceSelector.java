package dev.cairn.notify;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code eventSources} entry of an Alert (or {@code resources} entry of a Receiver): kind, name
 * with {@code *} wildcards, namespace, labels the object must carry, and (when set) the API
 * versions it may have (a Flux apiVersion and the Cairn one it is read as).
 */
public record SourceSelector(
    String kind,
    String name,
    String namespace,
    Map<String, String> matchLabels,
    Set<String> apiVersions) {
  public SourceSelector {
    matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
    apiVersions = apiVersions == null ? Set.of() : Set.copyOf(apiVersions);
  }

  /** Any API version. */
  public SourceSelector(
      String kind, String name, String namespace, Map<String, String> matchLabels) {
    this(kind, name, namespace, matchLabels, Set.of());
  }

  /** True when {@code object} is one of the objects this entry names. */
  public boolean matches(InvolvedObject object) {
    return kind.equals(object.kind())
        && namespace.equals(object.namespace())
        && nameMatches(object.name())
        && object.labels().entrySet().containsAll(matchLabels.entrySet())
        && (apiVersions.isEmpty() || apiVersions.contains(object.apiVersion()));
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
