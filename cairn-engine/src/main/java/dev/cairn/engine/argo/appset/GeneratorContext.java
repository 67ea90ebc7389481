package dev.cairn.engine.argo.appset;

import java.util.Objects;

/**
 * What generators read besides their own fields: the template renderer (which also interpolates a
 * matrix's later generator with the earlier one's parameters), repository content and cluster
 * Secrets.
 */
public record GeneratorContext(ParamRenderer renderer, GitTrees git, ClusterSecrets clusters) {
  public GeneratorContext {
    Objects.requireNonNull(renderer, "renderer");
    Objects.requireNonNull(git, "git");
    Objects.requireNonNull(clusters, "clusters");
  }
}
