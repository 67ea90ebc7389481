package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.LocalObjectReference;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** OpenPGP verification of commits or tags against the public keys in a Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitRepositoryVerification(
    @Default("HEAD") GitVerificationMode mode, @Required LocalObjectReference secretRef) {}
