package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.KustomizeException;
import java.util.List;

/** {@code buildMetadata: [originAnnotations]}: records where each object came from. */
final class BuildMetadata {
  private BuildMetadata() {}

  static void apply(List<Resource> out, Kustomization k) {
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
                          + r.generatedBy()
                          + "\n");
            } else if (r.originPath() != null) {
              Builder.annotations(r)
                  .put("config.kubernetes.io/origin", "path: " + r.originPath() + "\n");
            }
          }
        }
        case "managedByLabel", "transformerAnnotations" ->
            throw new KustomizeException(
                k.file(), 0, "buildMetadata '" + o + "' is not supported yet");
        default -> throw new KustomizeException(k.file(), 0, "unknown buildMetadata '" + o + "'");
      }
    }
  }
}
