package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.LocalObjectReference;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * A Helm chart repository; fields as in Flux's {@code HelmRepositorySpec}. Flux ignores {@code
 * interval} for OCI repositories, so it is optional.
 *
 * @param url {@code http(s)://} index address or {@code oci://} registry prefix
 * @param secretRef Secret with username/password or TLS data
 * @param certSecretRef Secret with {@code ca.crt}, {@code tls.crt}, {@code tls.key}
 * @param passCredentials pass credentials to chart download URLs on other hosts
 * @param insecure allow plain HTTP to an OCI registry
 * @param interval how often to re-download the index
 * @param timeout timeout of index download
 * @param suspend stop reconciling when true
 * @param accessFrom deprecated in Flux (ignored there and here); kept so manifests round-trip
 * @param type {@code default} (HTTP index) or {@code oci}
 * @param provider credential provider for OCI registries
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HelmRepositorySpec(
    @Required @Pattern("^(http|https|oci)://.*$") String url,
    LocalObjectReference secretRef,
    LocalObjectReference certSecretRef,
    Boolean passCredentials,
    Boolean insecure,
    @Pattern(FluxDuration.PATTERN) String interval,
    @Pattern(FluxDuration.SOURCE_TIMEOUT_PATTERN) String timeout,
    Boolean suspend,
    AccessFrom accessFrom,
    HelmRepositoryType type,
    @Default("generic") OciProvider provider) {}
