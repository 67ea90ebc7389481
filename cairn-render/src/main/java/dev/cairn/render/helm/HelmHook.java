package dev.cairn.render.helm;

import dev.cairn.manifest.KubeObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An object of the chart annotated {@code helm.sh/hook}: its events ({@code pre-install}, {@code
 * post-upgrade}, ...), weight ({@code helm.sh/hook-weight}) and the template it came from.
 */
public record HelmHook(KubeObject object, Set<String> events, int weight, String path) {
  public static final String HOOK_ANNOTATION = "helm.sh/hook";
  public static final String WEIGHT_ANNOTATION = "helm.sh/hook-weight";

  public HelmHook {
    events = Set.copyOf(events);
  }

  /** The hook of {@code object}, or null when it is not annotated as one. */
  static HelmHook of(KubeObject object, String path) {
    String value = object.annotations().get(HOOK_ANNOTATION);
    if (value == null || value.isBlank()) {
      return null;
    }
    Set<String> events =
        Set.copyOf(
            List.of(value.split(",")).stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList());
    int weight;
    try {
      weight = Integer.parseInt(object.annotations().getOrDefault(WEIGHT_ANNOTATION, "0").trim());
    } catch (NumberFormatException e) {
      weight = 0;
    }
    return new HelmHook(object, events, weight, path);
  }

  /** True when the hook runs on {@code event}, e.g. {@code pre-install}. */
  public boolean runsOn(String event) {
    return events.contains(event);
  }
}
