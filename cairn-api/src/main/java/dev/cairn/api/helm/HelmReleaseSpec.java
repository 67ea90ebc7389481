package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.CommonMetadata;
import dev.cairn.api.CustomHealthCheck;
import dev.cairn.api.DependencyReference;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.KubeConfigReference;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * A Helm release to keep installed; fields as in Flux's {@code helm.toolkit.fluxcd.io/v2} {@code
 * HelmReleaseSpec}. Exactly one of {@code chart} and {@code chartRef} is set.
 *
 * @param chart template of the HelmChart to create from a HelmRepository/GitRepository/Bucket
 * @param chartRef an existing chart artifact (OCIRepository, HelmChart, ExternalArtifact)
 * @param interval how often to reconcile
 * @param kubeConfig remote cluster to install to
 * @param suspend stop reconciling when true
 * @param releaseName Helm release name ({@code [targetNamespace-]name} when absent)
 * @param targetNamespace namespace of the release's objects
 * @param storageNamespace namespace of the Helm storage Secrets
 * @param dependsOn HelmReleases that must be ready first
 * @param timeout default timeout of Helm actions
 * @param maxHistory release revisions kept (5 when absent, 0 for no limit)
 * @param serviceAccountName service account to impersonate
 * @param persistentClient reuse one Kubernetes client per reconciliation
 * @param driftDetection drift detection settings
 * @param install install options
 * @param upgrade upgrade options
 * @param test test options
 * @param rollback rollback options
 * @param uninstall uninstall options
 * @param valuesFrom values from ConfigMaps and Secrets, merged in order
 * @param values inline values, merged last
 * @param postRenderers post-renderers, run in order
 * @param commonMetadata labels and annotations added to every released object
 * @param healthCheckExprs CEL health rules for custom kinds
 * @param postRenderStrategy whether post-renderers see hooks
 * @param waitStrategy how readiness is waited for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "(has(self.chart) && !has(self.chartRef)) || (!has(self.chart) && has(self.chartRef))",
    message = "either chart or chartRef must be set")
public record HelmReleaseSpec(
    HelmChartTemplate chart,
    ChartReference chartRef,
    @Required @Pattern(FluxDuration.PATTERN) String interval,
    KubeConfigReference kubeConfig,
    Boolean suspend,
    @Size(min = 1, max = 53) String releaseName,
    @Size(min = 1, max = 63) String targetNamespace,
    @Size(min = 1, max = 63) String storageNamespace,
    List<DependencyReference> dependsOn,
    @Pattern(FluxDuration.PATTERN) String timeout,
    Integer maxHistory,
    @Size(min = 1, max = 253) String serviceAccountName,
    Boolean persistentClient,
    DriftDetection driftDetection,
    Install install,
    Upgrade upgrade,
    Test test,
    Rollback rollback,
    Uninstall uninstall,
    List<ValuesReference> valuesFrom,
    @PreserveUnknownFields JsonNode values,
    List<PostRenderer> postRenderers,
    CommonMetadata commonMetadata,
    List<CustomHealthCheck> healthCheckExprs,
    PostRenderStrategy postRenderStrategy,
    WaitStrategy waitStrategy) {

  /** True when {@code suspend} is set to true. */
  public boolean suspended() {
    return Boolean.TRUE.equals(suspend);
  }
}
