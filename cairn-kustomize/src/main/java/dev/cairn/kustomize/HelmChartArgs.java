package dev.cairn.kustomize;

import java.util.List;
import java.util.Map;

/**
 * One entry of a kustomization's {@code helmCharts}, with the kustomization's {@code helmGlobals},
 * as kustomize v5.5.0 reads them (field names and defaults of kustomize's {@code HelmChart} and
 * {@code HelmGlobals}). Empty strings stand for absent fields.
 *
 * @param name the chart's name (required)
 * @param version the chart version to pull; with {@code repo} set, the chart is looked for in
 *     {@code <chartHome>/<name>-<version>/<name>}
 * @param repo an {@code http(s)://} Helm repository or an {@code oci://} registry path; empty means
 *     the chart must be in {@code chartHome}
 * @param releaseName Helm's release name; empty means {@code release-name}, as {@code helm
 *     template}
 * @param namespace {@code .Release.Namespace}; empty means {@code default}
 * @param valuesFile a values file relative to the kustomization; empty means the chart's own {@code
 *     values.yaml}
 * @param valuesInline values given in the kustomization
 * @param valuesMerge how {@code valuesInline} combines with the values file: {@code override}
 *     (default), {@code merge} or {@code replace}
 * @param additionalValuesFiles more values files, relative to the kustomization, applied in order
 * @param includeCRDs whether the chart's {@code crds/} are rendered
 * @param skipHooks whether objects annotated {@code helm.sh/hook} are left out
 * @param skipTests whether test hooks are left out
 * @param apiVersions extra API versions for {@code .Capabilities.APIVersions}
 * @param kubeVersion the Kubernetes version for {@code .Capabilities.KubeVersion}
 * @param chartHome {@code helmGlobals.chartHome} relative to the kustomization (default {@code
 *     charts})
 * @param configHome {@code helmGlobals.configHome}; kustomize only hands it to the helm binary
 */
public record HelmChartArgs(
    String name,
    String version,
    String repo,
    String releaseName,
    String namespace,
    String valuesFile,
    Map<String, Object> valuesInline,
    String valuesMerge,
    List<String> additionalValuesFiles,
    boolean includeCRDs,
    boolean skipHooks,
    boolean skipTests,
    List<String> apiVersions,
    String kubeVersion,
    String chartHome,
    String configHome) {

  /** Kustomize's default chart home. */
  public static final String DEFAULT_CHART_HOME = "charts";

  public HelmChartArgs {
    name = text(name);
    version = text(version);
    repo = text(repo);
    releaseName = text(releaseName);
    namespace = text(namespace);
    valuesFile = text(valuesFile);
    valuesInline = valuesInline == null ? Map.of() : valuesInline;
    valuesMerge = text(valuesMerge).isEmpty() ? "override" : valuesMerge;
    additionalValuesFiles =
        additionalValuesFiles == null ? List.of() : List.copyOf(additionalValuesFiles);
    apiVersions = apiVersions == null ? List.of() : List.copyOf(apiVersions);
    kubeVersion = text(kubeVersion);
    chartHome = text(chartHome).isEmpty() ? DEFAULT_CHART_HOME : chartHome;
    configHome = text(configHome);
  }

  /** {@code release-name} when no release name is given, as {@code helm template} names it. */
  public String effectiveReleaseName() {
    return releaseName.isEmpty() ? "release-name" : releaseName;
  }

  /** {@code default} when no namespace is given, as Helm does. */
  public String effectiveNamespace() {
    return namespace.isEmpty() ? "default" : namespace;
  }

  /** Whether {@code repo} is an OCI registry path ({@code oci://...}). */
  public boolean isOci() {
    return repo.startsWith("oci://");
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  /** Names the chart only: inline values may hold secrets. */
  @Override
  public String toString() {
    return "HelmChartArgs["
        + name
        + (version.isEmpty() ? "" : " " + version)
        + (repo.isEmpty() ? "" : " from " + repo)
        + "]";
  }
}
