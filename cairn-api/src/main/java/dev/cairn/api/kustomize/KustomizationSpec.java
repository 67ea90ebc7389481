package dev.cairn.api.kustomize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cairn.api.CommonMetadata;
import dev.cairn.api.CustomHealthCheck;
import dev.cairn.api.DependencyReference;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.IgnoreRule;
import dev.cairn.api.Image;
import dev.cairn.api.KubeConfigReference;
import dev.cairn.api.ObjectRef;
import dev.cairn.api.Patch;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * What to build from a source and apply, and how; fields as in Flux's {@code
 * kustomize.toolkit.fluxcd.io/v1} {@code KustomizationSpec}.
 *
 * @param commonMetadata labels and annotations added to every applied object
 * @param dependsOn Kustomizations that must be ready first
 * @param decryption SOPS decryption settings
 * @param interval how often to reconcile
 * @param retryInterval how soon to retry after a failure ({@code interval} when absent)
 * @param kubeConfig remote cluster to apply to
 * @param path directory in the source to build ({@code ./} when absent)
 * @param postBuild variable substitution
 * @param prune delete objects that left the source
 * @param deletionPolicy what deleting the Kustomization does to its objects
 * @param healthChecks objects whose health gates readiness
 * @param namePrefix prefix added to all object names
 * @param nameSuffix suffix added to all object names
 * @param patches patches applied after build
 * @param images image overrides applied after build
 * @param serviceAccountName service account to impersonate when applying
 * @param sourceRef where the manifests come from
 * @param suspend stop reconciling when true
 * @param targetNamespace namespace set on every namespaced object
 * @param timeout timeout of build, apply and health checks
 * @param force recreate objects whose immutable fields changed
 * @param waitForReady {@code wait}: wait for all applied objects to become ready (renamed in Java
 *     because a record component cannot be called {@code wait})
 * @param buildMetadata Kustomize build annotations to keep
 * @param components Kustomize components to include, relative to {@code path}
 * @param ignoreMissingComponents skip components that do not exist
 * @param healthCheckExprs CEL health rules for custom kinds
 * @param ignore JSON pointers excluded from drift detection
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KustomizationSpec(
    CommonMetadata commonMetadata,
    List<DependencyReference> dependsOn,
    Decryption decryption,
    @Required @Pattern(FluxDuration.PATTERN) String interval,
    @Pattern(FluxDuration.PATTERN) String retryInterval,
    KubeConfigReference kubeConfig,
    String path,
    PostBuild postBuild,
    @Required Boolean prune,
    DeletionPolicy deletionPolicy,
    List<ObjectRef> healthChecks,
    @Size(min = 1, max = 200) String namePrefix,
    @Size(min = 1, max = 200) String nameSuffix,
    List<Patch> patches,
    List<Image> images,
    String serviceAccountName,
    @Required CrossNamespaceSourceReference sourceRef,
    Boolean suspend,
    @Size(min = 1, max = 63) String targetNamespace,
    @Pattern(FluxDuration.PATTERN) String timeout,
    @Default("false") Boolean force,
    @JsonProperty("wait") Boolean waitForReady,
    List<BuildMetadataOption> buildMetadata,
    List<String> components,
    Boolean ignoreMissingComponents,
    List<CustomHealthCheck> healthCheckExprs,
    List<IgnoreRule> ignore) {

  /** The deletion policy in effect: {@code MirrorPrune} when absent. */
  public DeletionPolicy effectiveDeletionPolicy() {
    return deletionPolicy == null ? DeletionPolicy.MirrorPrune : deletionPolicy;
  }

  /** True when {@code suspend} is set to true. */
  public boolean suspended() {
    return Boolean.TRUE.equals(suspend);
  }
}
