package dev.cairn.engine.preview;

import dev.cairn.manifest.KubeObject;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.render.helm.HelmPostRenderer;
import dev.cairn.render.helm.HelmTemplateRenderer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the expanders of one revision share: the revision's tree, the repository's identity, the
 * objects rendered so far, the variables file, the chart loader and the controller's renderers.
 *
 * @param tree the revision's files
 * @param repository which source URLs are this repository
 * @param index the objects rendered so far at this revision
 * @param variables the variables file's values, or null when none was given
 * @param charts where charts come from
 * @param kustomizations the controller's Kustomization renderer
 * @param helm Helm's template engine
 * @param postRenderer HelmRelease post-renderers
 */
public record FleetContext(
    Path tree,
    RepositoryIdentity repository,
    FleetIndex index,
    Map<String, String> variables,
    ChartLoader charts,
    KustomizationRenderer kustomizations,
    HelmTemplateRenderer helm,
    HelmPostRenderer postRenderer) {

  /**
   * Why a Git source is not the previewed repository, or empty when it is. A GitRepository the
   * fleet does not declare is taken as the one that syncs the fleet (the bootstrap source).
   */
  public Optional<String> externalGitSource(String namespace, String name) {
    Optional<KubeObject> declared = index.find("GitRepository", namespace, name);
    if (declared.isEmpty()) {
      return Optional.empty();
    }
    String url = declared.get().node().at("/spec/url").asText("");
    return repository.isThisRepository(url)
        ? Optional.empty()
        : Optional.of(
            "GitRepository " + namespace + "/" + name + " has an external source URL " + url);
  }
}
