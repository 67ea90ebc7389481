package dev.cairn.engine.argo;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.argo.ApplicationSource;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ClusterClient;
import dev.cairn.engine.OwnerLabels;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.RenderException;
import dev.cairn.render.argo.ArgoRender;
import dev.cairn.render.argo.ArgoRenderContext;
import dev.cairn.render.argo.ArgoSourceRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Step {@code render}: renders each source (a source with only a {@code ref} provides value files
 * and renders nothing), puts namespaced objects without a namespace into the destination namespace,
 * labels every object {@code app.kubernetes.io/instance: <app>} (Argo CD's default resource
 * tracking), turns the per-object {@code argocd.argoproj.io/sync-options: Prune=false} into the
 * apply engine's prune opt-out and plans the sync ({@link SyncPlan}). A rendering error fails the
 * run with Argo CD's {@code ComparisonError} wording; nothing is applied.
 */
final class ManifestsStep {
  static final String INSTANCE_LABEL = OwnerLabels.APPLICATION_INSTANCE;
  static final String SYNC_OPTIONS = "argocd.argoproj.io/sync-options";

  private final ArgoSourceRenderer renderer;
  private final ClusterClient cluster;
  private final Supplier<String> kubeVersion;

  ManifestsStep(ArgoSourceRenderer renderer, ClusterClient cluster, Supplier<String> kubeVersion) {
    this.renderer = renderer;
    this.cluster = cluster;
    this.kubeVersion = kubeVersion;
  }

  StepResult render(ApplicationRun run) {
    Map<String, Path> refs = new LinkedHashMap<>();
    for (CheckedOutSource source : run.sources()) {
      if (source.source().ref() != null && !source.source().ref().isEmpty()) {
        refs.put(source.source().ref(), source.root());
      }
    }
    String namespace = run.spec().destination().namespace();
    ArgoRenderContext context =
        new ArgoRenderContext(run.name(), namespace, kubeVersion.get(), refs);
    List<KubeObject> objects = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (CheckedOutSource checkedOut : run.sources()) {
      ApplicationSource source = checkedOut.source();
      if (valuesOnly(source)) {
        continue;
      }
      ArgoRender render = render(checkedOut, context);
      types.add(render.sourceType());
      objects.addAll(render.objects());
    }
    List<KubeObject> prepared = prepare(objects, namespace, run.name());
    try {
      run.plan(SyncPlan.of(prepared));
    } catch (IllegalArgumentException e) {
      throw new ReconcileException.Failed(ConditionReasons.BUILD_FAILED, e.getMessage());
    }
    run.desired(prepared, types);
    return StepResult.proceed();
  }

  private ArgoRender render(CheckedOutSource checkedOut, ArgoRenderContext context) {
    try {
      return checkedOut.source().fromHelmRepository()
          ? renderer.renderChart(checkedOut.root(), checkedOut.source(), context)
          : renderer.renderGitPath(checkedOut.root(), checkedOut.source(), context);
    } catch (RenderException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.BUILD_FAILED,
          "Failed to load target state: failed to generate manifest for source "
              + checkedOut.source().repoURL()
              + ": "
              + e.getMessage());
    }
  }

  /** A source with a {@code ref} and neither path nor chart only lends its files. */
  static boolean valuesOnly(ApplicationSource source) {
    return source.ref() != null
        && !source.ref().isEmpty()
        && (source.path() == null || source.path().isEmpty())
        && !source.fromHelmRepository();
  }

  private List<KubeObject> prepare(List<KubeObject> objects, String namespace, String app) {
    List<KubeObject> out = new ArrayList<>(objects.size());
    for (KubeObject original : objects) {
      KubeObject object = original.deepCopy();
      if ((object.namespace() == null || object.namespace().isEmpty())
          && namespace != null
          && !namespace.isEmpty()
          && namespaced(object, objects)) {
        object.setNamespace(namespace);
      }
      object.setLabel(INSTANCE_LABEL, app);
      String options = object.annotations().get(SYNC_OPTIONS);
      if (options != null && options.replace(" ", "").contains("Prune=false")) {
        object.setAnnotation(ApplyOptions.PRUNE_ANNOTATION, ApplyOptions.DISABLED);
      }
      out.add(object);
    }
    return out;
  }

  /** From discovery, or from a CRD in the same set; unknown kinds count as namespaced. */
  private boolean namespaced(KubeObject object, List<KubeObject> set) {
    for (KubeObject crd : set) {
      if ("CustomResourceDefinition".equals(crd.kind())
          && object.kind().equals(crd.node().at("/spec/names/kind").asText())
          && object.gvk().group().equals(crd.node().at("/spec/group").asText())) {
        return "Namespaced".equals(crd.node().at("/spec/scope").asText());
      }
    }
    return cluster.namespaced(object.gvk()).orElse(true);
  }
}
