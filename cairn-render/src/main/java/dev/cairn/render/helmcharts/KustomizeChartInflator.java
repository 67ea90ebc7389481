package dev.cairn.render.helmcharts;

import dev.cairn.kustomize.ChartInflator;
import dev.cairn.kustomize.HelmChartArgs;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.helm.HelmHook;
import dev.cairn.render.helm.HelmRender;
import dev.cairn.render.helm.HelmRenderRequest;
import dev.cairn.render.helm.HelmTemplateRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inflates {@code helmCharts} the way kustomize's HelmChartInflationGenerator runs {@code helm
 * template}: release name {@code release-name} and namespace {@code default} unless given, the
 * chart's {@code crds/} first when {@code includeCRDs}, then the release's objects, then its hooks
 * unless {@code skipHooks} (test hooks too unless {@code skipTests}). Thread-safe.
 */
public final class KustomizeChartInflator implements ChartInflator {
  private final HelmTemplateRenderer renderer;
  private final ChartCache cache;

  public KustomizeChartInflator(HelmTemplateRenderer renderer, ChartCache cache) {
    this.renderer = renderer;
    this.cache = cache;
  }

  /** Renders with helm-java; pulls into {@code cacheDir}. */
  public static KustomizeChartInflator withCache(Path cacheDir) {
    return new KustomizeChartInflator(HelmTemplateRenderer.defaults(), ChartCache.at(cacheDir));
  }

  @Override
  public Path pull(HelmChartArgs chart) {
    return cache.chartDirectory(chart);
  }

  @Override
  public String template(Path chartDir, HelmChartArgs chart, List<String> valuesFiles) {
    if (!chart.apiVersions().isEmpty()) {
      throw new IllegalArgumentException(
          "apiVersions is not supported: Cairn's Helm engine (helm-java) cannot set"
              + " .Capabilities.APIVersions");
    }
    HelmRenderRequest request =
        new HelmRenderRequest(
            chart.effectiveReleaseName(),
            chart.effectiveNamespace(),
            Map.of(),
            chart.kubeVersion().isEmpty() ? null : chart.kubeVersion());
    HelmRender render = renderer.render(chartDir, request, valuesFiles);
    List<KubeObject> out = new ArrayList<>();
    if (chart.includeCRDs()) {
      out.addAll(render.crds());
    }
    out.addAll(render.objects());
    if (!chart.skipHooks()) {
      for (HelmHook hook : render.hooks()) {
        if (!(chart.skipTests() && isTest(hook))) {
          out.add(hook.object());
        }
      }
    }
    return HelmRender.manifestOf(out);
  }

  private static boolean isTest(HelmHook hook) {
    return hook.runsOn("test") || hook.runsOn("test-success");
  }
}
