package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cell formats kube-apiserver's printers share ({@code pkg/printers/internalversion}): label
 * maps and selectors as {@code labels.FormatLabels} / {@code metav1.FormatLabelSelector} print
 * them, container names and images ({@code layoutContainerCells}), access modes ({@code
 * GetAccessModesAsString}) and {@code "%d/%d"} ratios.
 */
final class TableCells {
  private static final String NONE = "<none>";

  private TableCells() {}

  static String age(JsonNode object) {
    return HumanDuration.since(object.path("metadata").path("creationTimestamp").asText(null));
  }

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asText();
  }

  static long integer(JsonNode node) {
    return node.asLong(0);
  }

  static String ratio(JsonNode ready, JsonNode desired) {
    return ready.asLong(0) + "/" + desired.asLong(0);
  }

  static String textOr(JsonNode node, String absent) {
    return node.isMissingNode() || node.isNull() || node.asText().isEmpty()
        ? absent
        : node.asText();
  }

  /** {@code labels.FormatLabels}: {@code a=b,c=d} sorted by key, {@code <none>} when empty. */
  static String labels(JsonNode map) {
    Map<String, String> sorted = new TreeMap<>();
    map.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
    List<String> parts = new ArrayList<>();
    sorted.forEach((k, v) -> parts.add(k + "=" + v));
    return parts.isEmpty() ? NONE : String.join(",", parts);
  }

  /**
   * {@code metav1.FormatLabelSelector}: matchLabels as {@code k=v}, expressions as {@code k in
   * (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}, sorted by key; {@code <none>} when empty.
   */
  static String selector(JsonNode selector) {
    Map<String, List<String>> byKey = new TreeMap<>();
    selector
        .path("matchLabels")
        .fields()
        .forEachRemaining(
            e ->
                byKey
                    .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                    .add(e.getKey() + "=" + e.getValue().asText()));
    for (JsonNode expression : selector.path("matchExpressions")) {
      String key = expression.path("key").asText();
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(requirement(key, expression));
    }
    List<String> parts = new ArrayList<>();
    byKey.values().forEach(parts::addAll);
    return parts.isEmpty() ? NONE : String.join(",", parts);
  }

  private static String requirement(String key, JsonNode expression) {
    List<String> values = new ArrayList<>();
    expression.path("values").forEach(v -> values.add(v.asText()));
    values.sort(null);
    switch (expression.path("operator").asText()) {
      case "In":
        return key + " in (" + String.join(",", values) + ")";
      case "NotIn":
        return key + " notin (" + String.join(",", values) + ")";
      case "Exists":
        return key;
      case "DoesNotExist":
        return "!" + key;
      default:
        return "<error>";
    }
  }

  /** {@code layoutContainerCells}: the containers' names, then their images, comma-separated. */
  static List<String> containers(JsonNode podSpec) {
    List<String> names = new ArrayList<>();
    List<String> images = new ArrayList<>();
    for (JsonNode container : podSpec.path("containers")) {
      names.add(container.path("name").asText());
      images.add(container.path("image").asText());
    }
    return List.of(String.join(",", names), String.join(",", images));
  }

  /** {@code GetAccessModesAsString}: RWO, ROX, RWX, RWOP in that order, comma-separated. */
  static String accessModes(JsonNode modes) {
    List<String> present = new ArrayList<>();
    modes.forEach(m -> present.add(m.asText()));
    List<String> out = new ArrayList<>();
    String[][] table = {
      {"ReadWriteOnce", "RWO"},
      {"ReadOnlyMany", "ROX"},
      {"ReadWriteMany", "RWX"},
      {"ReadWriteOncePod", "RWOP"}
    };
    for (String[] mode : table) {
      if (present.contains(mode[0])) {
        out.add(mode[1]);
      }
    }
    return String.join(",", out);
  }

  /** True when the object carries a condition of this type with status True. */
  static boolean hasTrueCondition(JsonNode object, String type) {
    for (JsonNode condition : object.path("status").path("conditions")) {
      if (type.equals(condition.path("type").asText())) {
        return "True".equals(condition.path("status").asText());
      }
    }
    return false;
  }
}
