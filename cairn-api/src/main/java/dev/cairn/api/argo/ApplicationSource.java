package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/** One source of an Application: a Git path or a Helm chart, and how to render it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSource(
    @Required String repoURL,
    String path,
    String targetRevision,
    ApplicationSourceHelm helm,
    ApplicationSourceKustomize kustomize,
    ApplicationSourceDirectory directory,
    ApplicationSourcePlugin plugin,
    String chart,
    String ref,
    String name) {

  /** True when the source is a chart of a Helm repository (not a Git path). */
  public boolean fromHelmRepository() {
    return chart != null && !chart.isEmpty();
  }
}
