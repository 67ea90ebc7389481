package dev.cairn.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Where to find the kubeconfig of a remote cluster: a Secret key ({@code value} or {@code
 * value.yaml} by default) or a ConfigMap, exactly one of them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "has(self.configMapRef) || has(self.secretRef)",
    message = "exactly one of configMapRef or secretRef must be specified")
@ValidationRule(
    value = "!has(self.configMapRef) || !has(self.secretRef)",
    message = "exactly one of configMapRef or secretRef must be specified")
public record KubeConfigReference(
    SecretKeyReference secretRef, LocalObjectReference configMapRef) {}
