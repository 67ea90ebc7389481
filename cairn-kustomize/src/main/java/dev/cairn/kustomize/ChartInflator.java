package dev.cairn.kustomize;

import java.nio.file.Path;
import java.util.List;

/**
 * The port through which a build inflates the charts of {@code helmCharts} (kustomize's {@code
 * --enable-helm}). Cairn's kustomize engine has no Helm and no network of its own: it finds local
 * charts, reads and merges values files, and hands the rest to this port. Absent from {@link
 * KustomizeOptions#defaults()}, so a kustomization with {@code helmCharts} fails as kustomize does
 * without {@code --enable-helm}.
 *
 * <p>Implementations are called from concurrent builds and must be thread-safe. Failures are thrown
 * as runtime exceptions whose message names the chart; the engine adds the kustomization file.
 * Messages must not contain values.
 */
public interface ChartInflator {

  /**
   * Fetches a chart that is not in the chart home from {@link HelmChartArgs#repo()} and returns the
   * directory holding its {@code Chart.yaml}. Called only when the chart is not found locally and a
   * repository is given.
   */
  Path pull(HelmChartArgs chart);

  /**
   * Renders the chart in {@code chartDir} as {@code helm template} does with {@code chart}'s
   * release name, namespace and flags, and returns the YAML stream.
   *
   * @param valuesFiles the texts of the values files given to Helm ({@code -f}), in order, for Helm
   *     to read (with its YAML 1.1 typing) and merge over the chart's defaults, a later file
   *     winning: the chart's values or {@code valuesFile} as written, or their merge with {@code
   *     valuesInline} as JSON, then each {@code additionalValuesFiles} entry as written
   */
  String template(Path chartDir, HelmChartArgs chart, List<String> valuesFiles);
}
