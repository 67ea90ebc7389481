package dev.cairn.render.argo;

import dev.cairn.api.argo.ApplicationSource;
import dev.cairn.api.argo.ApplicationSourceHelm;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.render.RenderException;
import dev.cairn.render.RenderInputs;
import dev.cairn.render.dialect.DialectTranslator;
import dev.cairn.render.helm.HelmHook;
import dev.cairn.render.helm.HelmRender;
import dev.cairn.render.helm.HelmRenderRequest;
import dev.cairn.render.helm.HelmTemplateRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders one source of an Application as Argo CD's repo-server does: a Helm chart when the source
 * names a {@code chart} or its path holds a {@code Chart.yaml}; Kustomize when the path holds a
 * kustomization; otherwise a plain directory. Argo CD manifests in the output are translated into
 * Cairn kinds. Thread-safe.
 */
public final class ArgoSourceRenderer {
  public static final String HELM = "Helm";
  public static final String KUSTOMIZE = "Kustomize";
  public static final String DIRECTORY = "Directory";

  private static final List<String> KUSTOMIZATION_FILES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private final KustomizationRenderer kustomize;
  private final HelmTemplateRenderer helm;
  private final DialectTranslator dialects;
  private final ManifestDirectory directory = new ManifestDirectory();

  public ArgoSourceRenderer(
      KustomizationRenderer kustomize, HelmTemplateRenderer helm, DialectTranslator dialects) {
    this.kustomize = kustomize;
    this.helm = helm;
    this.dialects = dialects;
  }

  public static ArgoSourceRenderer defaults() {
    return new ArgoSourceRenderer(
        KustomizationRenderer.defaults(),
        HelmTemplateRenderer.defaults(),
        DialectTranslator.defaults());
  }

  /** The type Argo CD would detect for {@code source} in the repository at {@code repoRoot}. */
  public static String sourceType(Path repoRoot, ApplicationSource source) {
    if (source.fromHelmRepository() || source.helm() != null) {
      return HELM;
    }
    if (source.kustomize() != null) {
      return KUSTOMIZE;
    }
    Path dir = repoRoot.resolve(source.path() == null ? "" : source.path());
    if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
      return HELM;
    }
    if (KUSTOMIZATION_FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
      return KUSTOMIZE;
    }
    return DIRECTORY;
  }

  /**
   * Renders the path of a Git source checked out at {@code repoRoot}.
   *
   * @throws RenderException naming the path, file or object
   */
  public ArgoRender renderGitPath(
      Path repoRoot, ApplicationSource source, ArgoRenderContext context) {
    Path root = repoRoot.toAbsolutePath().normalize();
    String path = source.path() == null ? "" : source.path();
    Path dir = root.resolve(path).normalize();
    if (!dir.startsWith(root)) {
      throw new RenderException(
          RenderException.Reason.PATH_OUTSIDE_ARTIFACT,
          path + ": app path is outside the repository");
    }
    if (!Files.isDirectory(dir)) {
      throw new RenderException(
          RenderException.Reason.PATH_NOT_FOUND, path + ": app path does not exist");
    }
    String type = sourceType(root, source);
    List<KubeObject> objects =
        switch (type) {
          case HELM -> helm(root, dir, source, context);
          case KUSTOMIZE ->
              kustomize
                  .render(
                      root, KustomizeOptions.spec(path, source.kustomize()), RenderInputs.none())
                  .objects();
          default -> directory.read(root, dir, source.directory());
        };
    return new ArgoRender(type, dialects.translate(objects));
  }

  /** Renders a chart of a Helm repository, unpacked at {@code chartDir}. */
  public ArgoRender renderChart(
      Path chartDir, ApplicationSource source, ArgoRenderContext context) {
    Path dir = chartDir.toAbsolutePath().normalize();
    return new ArgoRender(HELM, dialects.translate(helm(dir, dir, source, context)));
  }

  private List<KubeObject> helm(
      Path repoRoot, Path chartDir, ApplicationSource source, ArgoRenderContext context) {
    ApplicationSourceHelm options = source.helm();
    String release =
        options != null && options.releaseName() != null && !options.releaseName().isEmpty()
            ? options.releaseName()
            : context.appName();
    String namespace =
        options != null && options.namespace() != null && !options.namespace().isEmpty()
            ? options.namespace()
            : context.namespace();
    List<String> layers = HelmValueLayers.of(options, repoRoot, chartDir, context);
    HelmRender render =
        helm.render(
            chartDir,
            new HelmRenderRequest(release, namespace, Map.of(), context.kubeVersion()),
            layers);
    List<KubeObject> objects = new ArrayList<>();
    if (options == null || !Boolean.TRUE.equals(options.skipCrds())) {
      objects.addAll(render.crds());
    }
    objects.addAll(render.objects());
    for (HelmHook hook : render.hooks()) {
      objects.add(hook.object());
    }
    return objects;
  }
}
