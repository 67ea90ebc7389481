package dev.cairn.engine.argo;

import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ClusterClient;
import dev.cairn.engine.Trigger;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.argo.ArgoSourceRenderer;
import dev.cairn.source.git.GitFetcher;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * An Application's desired state as its reconciler computes it, for readers outside the controller
 * ({@code cairn app diff}): the same {@code fetchSources} and {@code render} steps, at the spec's
 * target revisions (a pending operation is not looked at), without syncing anything.
 */
public final class ApplicationManifests {
  private final SourcesStep sources;
  private final ManifestsStep manifests;

  /**
   * The resources a sync would apply (hooks left out), the revisions they were rendered from, and
   * the apply options (tracking label) the controller applies them with.
   */
  public record Desired(List<KubeObject> resources, List<String> revisions, ApplyOptions options) {}

  public ApplicationManifests(
      GitFetcher git,
      ChartSourceFetchers charts,
      ArgoSourceRenderer renderer,
      ClusterClient cluster,
      Supplier<String> kubeVersion) {
    this.sources =
        new SourcesStep(
            git, new ChartSources(git.store(), charts.repositories(), charts.registries()));
    this.manifests = new ManifestsStep(renderer, cluster, kubeVersion);
  }

  /**
   * Renders {@code app}'s sources.
   *
   * @throws dev.cairn.engine.ReconcileException when a source cannot be fetched or rendered, with
   *     the message the Application's status would show
   */
  public Desired render(Application app, ApplyOptions base) {
    Application target = new Application();
    target.setMetadata(app.getMetadata());
    target.setSpec(app.getSpec());
    try (ApplicationRun run =
        new ApplicationRun(target, Trigger.REQUEST, new ApplicationStatus(), Clock.systemUTC())) {
      sources.fetch(run);
      manifests.render(run);
      return new Desired(run.plan().resources(), run.revisions(), SyncStep.options(base, run));
    }
  }
}
