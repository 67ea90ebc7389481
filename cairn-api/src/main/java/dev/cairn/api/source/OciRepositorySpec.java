package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.LocalObjectReference;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * An OCI artifact to pull; fields as in Flux's {@code OCIRepositorySpec}.
 *
 * @param url {@code oci://} address of the repository, without tag
 * @param ref which artifact to pull; {@code latest} when absent
 * @param layerSelector which layer holds the content
 * @param provider credential provider when no secret is given
 * @param secretRef Secret of type {@code kubernetes.io/dockerconfigjson}
 * @param verify signature verification
 * @param serviceAccountName service account whose image pull secrets are used
 * @param certSecretRef Secret with {@code ca.crt}, {@code tls.crt}, {@code tls.key}
 * @param proxySecretRef Secret with proxy address and credentials
 * @param interval how often to check for a new artifact
 * @param timeout timeout of registry operations
 * @param ignore .gitignore-style patterns excluded from the artifact
 * @param insecure allow plain HTTP
 * @param suspend stop reconciling when true
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OciRepositorySpec(
    @Required @Pattern("^oci://.*$") String url,
    OciRepositoryRef ref,
    OciLayerSelector layerSelector,
    @Default("generic") OciProvider provider,
    LocalObjectReference secretRef,
    OciRepositoryVerification verify,
    String serviceAccountName,
    LocalObjectReference certSecretRef,
    LocalObjectReference proxySecretRef,
    @Required @Pattern(FluxDuration.PATTERN) String interval,
    @Default("60s") @Pattern(FluxDuration.SOURCE_TIMEOUT_PATTERN) String timeout,
    String ignore,
    Boolean insecure,
    Boolean suspend) {}
