package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.KustomizeException;
import java.util.List;

/**
 * {@code buildMetadata}: {@code originAnnotations} records where each object came from, {@code
 * transformerAnnotations} which built-in transformers were configured for it.
 */
final class BuildMetadata {
  private BuildMetadata() {}

  /** {@code Kind} or {@code Kind|name} (a configured plugin) as the YAML lines kustomize writes. */
  private static String withName(String kind, String indent) {
    int bar = kind.indexOf('|');
    return bar < 0
        ? kind
        : kind.substring(0, bar) + "\n" + indent + "name: " + kind.substring(bar + 1);
  }

  static void apply(List<Resource> out, KustomizationFile k) {
    for (JsonNode option : k.list("buildMetadata")) {
      String o = option.asText();
      switch (o) {
        case "originAnnotations" -> {
          for (Resource r : out) {
            if (r.generatedBy() != null) {
              Builder.annotations(r)
                  .put(
                      "config.kubernetes.io/origin",
                      "configuredIn: "
                          + r.originPath()
                          + "\nconfiguredBy:\n  apiVersion: builtin\n  kind: "
                          + withName(r.generatedBy(), "  ")
                          + "\n");
            } else if (r.originPath() != null) {
              Builder.annotations(r)
                  .put("config.kubernetes.io/origin", "path: " + r.originPath() + "\n");
            }
          }
        }
        case "transformerAnnotations" -> {
          for (Resource r : out) {
            if (r.transformations().isEmpty()) {
              continue;
            }
            StringBuilder text = new StringBuilder();
            for (String t : r.transformations()) {
              int bar = t.indexOf('|');
              text.append("- configuredIn: ")
                  .append(t, 0, bar)
                  .append("\n  configuredBy:\n    apiVersion: builtin\n    kind: ")
                  .append(withName(t.substring(bar + 1), "    "))
                  .append('\n');
            }
            Builder.annotations(r)
                .put("alpha.config.kubernetes.io/transformations", text.toString());
          }
        }
        case "managedByLabel" ->
            throw new KustomizeException(
                k.file(), 0, "buildMetadata '" + o + "' is not supported yet");
        default -> throw new KustomizeException(k.file(), 0, "unknown buildMetadata '" + o + "'");
      }
    }
  }
}
