package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.generate.GeneratorArgs;
import java.util.List;

/**
 * Reads a {@code generators:} configuration of kustomize's built-in ConfigMapGenerator or
 * SecretGenerator: the generator entry's fields at the top level, the name and namespace defaulting
 * to the configuration's own metadata. The kustomization's {@code generatorOptions} do not apply
 * (kustomize configures the plugin from its own fields only); unknown fields, and the deprecated
 * {@code env} that only a kustomization's generator entries still read, are ignored.
 */
final class BuiltinGenerators {
  private static final List<String> FIELDS =
      List.of("name", "namespace", "behavior", "type", "literals", "files", "envs", "options");

  private BuiltinGenerators() {}

  static GeneratorArgs args(PluginConfigs.Config config) {
    String kind =
        switch (config.kind()) {
          case "ConfigMapGenerator" -> "ConfigMap";
          case "SecretGenerator" -> "Secret";
          case "HelmChartInflationGenerator" ->
              throw new KustomizeException(
                  config.where(),
                  0,
                  "loading generator plugins: failed to load generator: plugin "
                      + BuiltinPlugins.id(config)
                      + " fails configuration: must specify --enable-helm");
          default ->
              throw new KustomizeException(
                  config.where(),
                  0,
                  "loading generator plugins: failed to load generator: plugin "
                      + BuiltinPlugins.id(config)
                      + " not a generator");
        };
    ObjectNode c = config.node();
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    for (String field : FIELDS) {
      if (c.hasNonNull(field)) {
        entry.set(field, c.get(field).deepCopy());
      }
    }
    if (entry.path("name").asText("").isEmpty()) {
      entry.put("name", c.path("metadata").path("name").asText(""));
    }
    if (entry.path("namespace").asText("").isEmpty()) {
      String namespace = c.path("metadata").path("namespace").asText("");
      if (!namespace.isEmpty()) {
        entry.put("namespace", namespace);
      }
    }
    return GeneratorArgs.of(kind, entry, MissingNode.getInstance(), config.where());
  }
}
