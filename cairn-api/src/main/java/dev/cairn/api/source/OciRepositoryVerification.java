package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.LocalObjectReference;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * Signature verification of an OCI artifact (OCIRepository, or a chart from an OCI HelmRepository).
 * {@code trustedRootSecretRef} is only read for OCIRepository, as in Flux.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OciRepositoryVerification(
    @Required @Default("cosign") OciVerificationProvider provider,
    LocalObjectReference secretRef,
    List<OidcIdentityMatch> matchOIDCIdentity,
    LocalObjectReference trustedRootSecretRef) {}
