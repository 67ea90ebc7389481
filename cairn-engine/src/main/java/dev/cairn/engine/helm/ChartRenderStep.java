package dev.cairn.engine.helm;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.apply.ClusterClient;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.manifest.GroupVersionKind;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.RenderException;
import dev.cairn.render.helm.HelmHook;
import dev.cairn.render.helm.HelmPostRenderer;
import dev.cairn.render.helm.HelmRender;
import dev.cairn.render.helm.HelmRenderRequest;
import dev.cairn.render.helm.HelmTemplateRenderer;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.artifact.StoredArtifact;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Step {@code render}: unpacks the chart artifact, renders it with Helm ({@code helm template} with
 * the cluster's version), runs the post-renderers, then gives every namespaced object without a
 * namespace the target namespace (as Helm's install does) and marks it as the release's with Helm's
 * ownership metadata and {@code commonMetadata}. A chart that does not render fails the run before
 * anything is applied, with Helm's file and line in the message.
 */
final class ChartRenderStep {
  static final String MANAGED_BY = ReleaseMetadata.MANAGED_BY;
  static final String RELEASE_NAME = ReleaseMetadata.RELEASE_NAME;
  static final String RELEASE_NAMESPACE = ReleaseMetadata.RELEASE_NAMESPACE;

  private final ArtifactStore store;
  private final HelmTemplateRenderer renderer;
  private final HelmPostRenderer postRenderer;
  private final ClusterClient cluster;
  private final Supplier<String> kubeVersion;

  ChartRenderStep(
      ArtifactStore store,
      HelmTemplateRenderer renderer,
      HelmPostRenderer postRenderer,
      ClusterClient cluster,
      Supplier<String> kubeVersion) {
    this.store = store;
    this.renderer = renderer;
    this.postRenderer = postRenderer;
    this.cluster = cluster;
    this.kubeVersion = kubeVersion;
  }

  StepResult render(HelmReleaseRun run) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("cairn-helm-");
      store.extract(toStoreArtifact(run.artifact()), dir);
      Path chartDir = chartDirectory(dir, run.chartName());
      HelmRender render =
          renderer.render(
              chartDir,
              new HelmRenderRequest(
                  run.releaseName(), run.targetNamespace(), run.values(), kubeVersion.get()));
      render = render.withObjects(postRenderer.apply(render.objects(), run.spec().postRenderers()));
      List<KubeObject> objects = new ArrayList<>();
      for (KubeObject object : render.objects()) {
        objects.add(own(run, render, object));
      }
      List<HelmHook> hooks = new ArrayList<>();
      for (HelmHook hook : render.hooks()) {
        hooks.add(
            new HelmHook(
                own(run, render, hook.object()), hook.events(), hook.weight(), hook.path()));
      }
      run.render(new HelmRender(render.chart(), objects, hooks, render.crds()));
      return StepResult.proceed();
    } catch (SourceException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED,
          "cannot unpack chart artifact " + run.artifact().revision() + ": " + e.getMessage());
    } catch (RenderException e) {
      String action =
          run.status().getHistory() == null || run.status().getHistory().isEmpty()
              ? "install"
              : "upgrade";
      throw new ReconcileException.Failed(
          action.equals("install")
              ? ConditionReasons.INSTALL_FAILED
              : ConditionReasons.UPGRADE_FAILED,
          "Helm "
              + action
              + " failed for release "
              + run.targetNamespace()
              + "/"
              + run.releaseName()
              + " with chart "
              + run.chartName()
              + "@"
              + run.artifact().revision()
              + ": "
              + e.getMessage());
    } catch (IOException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED, "cannot create a work directory: " + e.getMessage());
    } finally {
      if (dir != null) {
        DirectoryTrees.deleteQuietly(dir);
      }
    }
  }

  private KubeObject own(HelmReleaseRun run, HelmRender render, KubeObject original) {
    return ReleaseMetadata.own(
        original,
        run.releaseName(),
        run.targetNamespace(),
        run.spec().commonMetadata(),
        object -> namespaced(render, object.gvk()));
  }

  /** Scope from the chart's own CRDs first (not served yet on install), then from discovery. */
  private boolean namespaced(HelmRender render, GroupVersionKind gvk) {
    for (KubeObject crd : render.crds()) {
      String group = crd.node().at("/spec/group").asText();
      String kind = crd.node().at("/spec/names/kind").asText();
      if (group.equals(gvk.group()) && kind.equals(gvk.kind())) {
        return "Namespaced".equals(crd.node().at("/spec/scope").asText());
      }
    }
    Optional<Boolean> served = cluster.namespaced(gvk);
    return served.orElse(true);
  }

  private static Path chartDirectory(Path root, String chartName) throws IOException {
    if (chartName != null && Files.isRegularFile(root.resolve(chartName).resolve("Chart.yaml"))) {
      return root.resolve(chartName);
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
      for (Path child : children) {
        if (Files.isRegularFile(child.resolve("Chart.yaml"))) {
          return child;
        }
      }
    }
    throw new ReconcileException.Failed(
        ConditionReasons.ARTIFACT_FAILED, "the chart artifact holds no <chart>/Chart.yaml");
  }

  static StoredArtifact toStoreArtifact(Artifact artifact) {
    return new StoredArtifact(
        artifact.revision(),
        artifact.digest(),
        artifact.path(),
        Instant.parse(artifact.lastUpdateTime()),
        artifact.size() == null ? 0L : artifact.size());
  }
}
